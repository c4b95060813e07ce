package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** The two objectives of the grokking papers; MSE also takes real-valued targets. */
public final class Losses {

    private Losses() {}

    /** Softmax cross-entropy, mean over examples: -(1/n) sum_i log softmax(z_i)[y_i]. */
    public static Loss crossEntropy() {
        return new Loss() {
            @Override
            public String name() {
                return "cross_entropy";
            }

            @Override
            public NDArray compute(NDArray logits, NDArray labels) {
                NDArray logp = logits.logSoftmax(1);
                return logp.gather(labels.reshape(-1, 1), 1).mean().neg();
            }

            @Override
            public NDArray computeStacked(NDArray logits, NDArray labels) {
                NDArray logp = logits.logSoftmax(2);
                return logp.gather(labels.expandDims(2), 2).squeeze(2).mean(new int[] {1}).neg();
            }
        };
    }

    /**
     * Mean squared error, mean over all n*C entries as PyTorch's MSELoss, against one-hot targets
     * for class labels, (1/(nC)) sum_ij (z_ij - [y_i = j])^2 (Omnigrok trains its MLPs with it),
     * or against real-valued targets (regression) given as a floating array of the outputs'
     * shape (n, C) (or (n) for one output): (1/(nC)) sum_ij (z_ij - t_ij)^2.
     */
    public static Loss mse() {
        return new Loss() {
            @Override
            public String name() {
                return "mse";
            }

            @Override
            public NDArray compute(NDArray logits, NDArray labels) {
                return logits.sub(target(logits, labels)).square().mean();
            }
        };
    }

    /** One-hot rows for class labels; real-valued targets as they are, in the outputs' type. */
    private static NDArray target(NDArray outputs, NDArray labels) {
        if (!labels.getDataType().isFloating()) {
            return labels.oneHot((int) outputs.getShape().get(1), outputs.getDataType());
        }
        Shape shape = outputs.getShape();
        boolean oneOutput = shape.get(1) == 1 && labels.getShape().equals(new Shape(shape.get(0)));
        if (!labels.getShape().equals(shape) && !oneOutput) {
            throw new IllegalArgumentException("mse: real-valued targets must have the outputs' shape " + shape
                    + (shape.get(1) == 1 ? " or (" + shape.get(0) + ")" : "") + ", had " + labels.getShape());
        }
        NDArray t = oneOutput ? labels.reshape(shape) : labels;
        return t.getDataType() == outputs.getDataType() ? t : t.toType(outputs.getDataType(), false);
    }
}

package dev.grokkit.model;

import ai.djl.ndarray.NDArray;

/** The two objectives of the grokking papers. */
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
     * Mean squared error against one-hot targets, mean over all n*C entries as PyTorch's
     * MSELoss: (1/(nC)) sum_ij (z_ij - [y_i = j])^2. Omnigrok trains its MLPs with it.
     */
    public static Loss mse() {
        return new Loss() {
            @Override
            public String name() {
                return "mse";
            }

            @Override
            public NDArray compute(NDArray logits, NDArray labels) {
                NDArray target = labels.oneHot((int) logits.getShape().get(1), logits.getDataType());
                return logits.sub(target).square().mean();
            }
        };
    }
}

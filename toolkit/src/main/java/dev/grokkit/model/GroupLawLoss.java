package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * Cross-entropy plus a commutativity penalty (the robustness paper's "abelian test as loss",
 * Section 5.1), for token inputs whose first two tokens are the operands a and b:
 *
 * <pre>
 *   L = CE(f(a, b), y) + mu (1/n) sum_i ||softmax f(a_i, b_i) - softmax f(b_i, a_i)||^2
 * </pre>
 *
 * The swapped batch needs a second forward pass. Histories report the cross-entropy alone.
 */
public final class GroupLawLoss implements ModelLoss {

    private static final Loss CROSS_ENTROPY = Losses.crossEntropy();

    private final double mu;

    private GroupLawLoss(double mu) {
        if (!(mu >= 0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("mu: the penalty weight must be finite and >= 0, was " + mu);
        }
        this.mu = mu;
    }

    /** Cross-entropy plus mu times the commutativity penalty. */
    public static GroupLawLoss commutativity(double mu) {
        return new GroupLawLoss(mu);
    }

    @Override
    public String name() {
        return "cross_entropy+" + mu + "*commutativity";
    }

    @Override
    public NDArray compute(NDArray logits, NDArray labels) {
        return CROSS_ENTROPY.compute(logits, labels);
    }

    @Override
    public NDArray compute(GrokModel model, NDArray x, NDArray y, boolean training) {
        if (x.getDataType().isFloating() || x.getShape().dimension() != 2 || x.getShape().get(1) < 2) {
            throw new IllegalArgumentException("x: the commutativity penalty needs (n, L >= 2) operand tokens, got "
                    + x.getDataType() + " " + x.getShape());
        }
        long length = x.getShape().get(1);
        NDList columns = new NDList(x.get(":, 1:2"), x.get(":, 0:1"));
        if (length > 2) {
            columns.add(x.get(":, 2:"));
        }
        NDArray swapped = NDArrays.concat(columns, 1);
        NDArray logits = model.forward(x, training);
        NDArray mirrored = model.forward(swapped, training);
        NDArray penalty = logits.softmax(1).sub(mirrored.softmax(1)).square().sum(new int[] {1}).mean();
        NDArray weight = x.getManager().create(mu).toType(penalty.getDataType(), false);
        return CROSS_ENTROPY.compute(logits, y).add(penalty.mul(weight));
    }
}

package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;

/**
 * Cross-entropy plus group-law penalties for x+y mod p (robustness paper, Section 5.1 "abelian
 * test as loss" and Figure 15), each with its own weight (0 = off):
 *
 * <pre>
 *   L = CE(f(a, b), y)
 *     + w_comm (1/n) sum_i ||softmax f(a_i, b_i) - softmax f(b_i, a_i)||^2   (batch pairs swapped)
 *     + w_zero mean_x [CE(f(x, 0), x) + CE(f(0, x), x)] / 2                   (zero identity)
 *     + w_double mean_x CE(f(x, x), 2x mod p)                                 (doubling)
 * </pre>
 *
 * The commutativity term needs a second forward pass over the batch (its first two tokens are the
 * operands); the other two a pass over 3p fixed pairs. Histories report the cross-entropy alone.
 */
public final class GroupLawLoss implements ModelLoss {

    private static final Loss CROSS_ENTROPY = Losses.crossEntropy();

    private final ModularArithmetic task;
    private final double commutativity;
    private final double zeroIdentity;
    private final double doubling;

    private GroupLawLoss(ModularArithmetic task, double commutativity, double zeroIdentity, double doubling) {
        if (task.operation() != Operation.ADD) {
            throw new IllegalArgumentException("task: the group-law penalties are for x+y, not " + task.operation());
        }
        this.task = task;
        this.commutativity = checkWeight("commutativity", commutativity);
        this.zeroIdentity = checkWeight("zeroIdentity", zeroIdentity);
        this.doubling = checkWeight("doubling", doubling);
    }

    /** Plain cross-entropy on the task's pairs until weights are set. */
    public static GroupLawLoss of(ModularArithmetic task) {
        return new GroupLawLoss(java.util.Objects.requireNonNull(task, "task"), 0, 0, 0);
    }

    public GroupLawLoss commutativity(double weight) {
        return new GroupLawLoss(task, weight, zeroIdentity, doubling);
    }

    public GroupLawLoss zeroIdentity(double weight) {
        return new GroupLawLoss(task, commutativity, weight, doubling);
    }

    public GroupLawLoss doubling(double weight) {
        return new GroupLawLoss(task, commutativity, zeroIdentity, weight);
    }

    @Override
    public String name() {
        return "cross_entropy+" + commutativity + "*commutativity+" + zeroIdentity + "*zero_identity+" + doubling
                + "*doubling";
    }

    @Override
    public NDArray compute(NDArray logits, NDArray labels) {
        return CROSS_ENTROPY.compute(logits, labels);
    }

    @Override
    public NDArray compute(GrokModel model, NDArray x, NDArray y, boolean training) {
        if (x.getDataType().isFloating() || x.getShape().dimension() != 2 || x.getShape().get(1) < 2) {
            throw new IllegalArgumentException("x: the group-law penalties need (n, L >= 2) operand tokens, got "
                    + x.getDataType() + " " + x.getShape());
        }
        NDArray logits = model.forward(x, training);
        NDArray total = CROSS_ENTROPY.compute(logits, y);
        NDManager m = x.getManager();
        if (commutativity > 0) {
            long length = x.getShape().get(1);
            NDList columns = new NDList(x.get(":, 1:2"), x.get(":, 0:1"));
            if (length > 2) {
                columns.add(x.get(":, 2:"));
            }
            NDArray mirrored = model.forward(NDArrays.concat(columns, 1), training);
            NDArray penalty = logits.softmax(1).sub(mirrored.softmax(1)).square().sum(new int[] {1}).mean();
            total = total.add(penalty.mul(weight(m, commutativity, penalty)));
        }
        if (zeroIdentity > 0 || doubling > 0) {
            int p = task.modulus();
            int[] pairs = new int[3 * p]; // (x, 0), (0, x), (x, x) for x = 0..p-1
            for (int v = 0; v < p; v++) {
                pairs[v] = task.indexOf(v, 0);
                pairs[p + v] = task.indexOf(0, v);
                pairs[2 * p + v] = task.indexOf(v, v);
            }
            var examples = task.allPairs().select(pairs);
            NDArray lawLogits = model.forward(examples.inputs(m, DataType.INT64), training);
            NDArray labels = examples.labelArray(m);
            if (zeroIdentity > 0) {
                NDArray zero = CROSS_ENTROPY.compute(lawLogits.get("0:" + 2 * p), labels.get("0:" + 2 * p));
                total = total.add(zero.mul(weight(m, zeroIdentity, zero)));
            }
            if (doubling > 0) {
                NDArray twice = CROSS_ENTROPY.compute(lawLogits.get(2 * p + ":"), labels.get(2 * p + ":"));
                total = total.add(twice.mul(weight(m, doubling, twice)));
            }
        }
        return total;
    }

    /* A native scalar (not a Java-buffer-backed one) so autograd can hold on to it. */
    private static NDArray weight(NDManager m, double w, NDArray like) {
        return NativeConstant.of(m, w, like.getDataType());
    }

    private static double checkWeight(String name, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(name + ": the penalty weight must be finite and >= 0, was " + w);
        }
        return w;
    }
}

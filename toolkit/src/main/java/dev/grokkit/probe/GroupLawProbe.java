package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import java.util.List;

/**
 * Group laws of addition mod p beyond commutativity (robustness paper, Figure 15), measured on
 * every pair of the task whether trained on or not:
 * "zero_identity_loss", the mean cross-entropy of predicting x from (x, 0) and from (0, x);
 * "doubling_loss", the mean cross-entropy of predicting 2x from (x, x); and
 * "associativity_acc", the fraction of all p^3 triples with f(f(a, b), c) = f(a, f(b, c)), where
 * f(u, v) is the model's predicted class for the pair (u, v).
 */
public final class GroupLawProbe implements Probe {

    private final ModularArithmetic task;

    GroupLawProbe(ModularArithmetic task) {
        if (task.operation() != Operation.ADD) {
            throw new IllegalArgumentException("task: the group-law tests are for x+y, not " + task.operation());
        }
        this.task = task;
    }

    @Override
    public String name() {
        return "group_laws";
    }

    @Override
    public List<String> columns() {
        return List.of("zero_identity_loss", "doubling_loss", "associativity_acc");
    }

    @Override
    public double[] measure(ProbeContext context) {
        NDArray logits = AllPairsLogits.of(context, task);
        int[] f = AllPairsLogits.predictions(logits);
        double[] logp = logits.logSoftmax(1).toDoubleArray();
        int p = task.modulus();
        double zero = 0;
        double doubling = 0;
        for (int x = 0; x < p; x++) {
            zero -= logp[task.indexOf(x, 0) * p + x] + logp[task.indexOf(0, x) * p + x];
            doubling -= logp[task.indexOf(x, x) * p + (2 * x) % p];
        }
        long associative = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                int ab = f[task.indexOf(a, b)];
                for (int c = 0; c < p; c++) {
                    associative += f[task.indexOf(ab, c)] == f[task.indexOf(a, f[task.indexOf(b, c)])] ? 1 : 0;
                }
            }
        }
        return new double[] {zero / (2 * p), doubling / p, (double) associative / ((long) p * p * p)};
    }
}

package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.data.ModularArithmetic;
import java.util.List;

/**
 * The robustness paper's abelian test (Section 5.1) over every unordered pair a < b of the task
 * (whether in the training split or not; no labels needed): "abelian_acc", the fraction of pairs
 * with argmax f(a, b) = argmax f(b, a), and "abelian_logit_distance", the mean l2 distance
 * ||f(a, b) - f(b, a)|| between the two logit vectors. For division, pairs with a = 0 have no
 * mirror and are left out.
 */
public final class AbelianTestProbe implements Probe {

    private final ModularArithmetic task;

    AbelianTestProbe(ModularArithmetic task) {
        this.task = java.util.Objects.requireNonNull(task, "task");
    }

    @Override
    public String name() {
        return "abelian_test";
    }

    @Override
    public List<String> columns() {
        return List.of("abelian_acc", "abelian_logit_distance");
    }

    @Override
    public double[] measure(ProbeContext context) {
        NDArray logits = AllPairsLogits.of(context, task);
        int[] predicted = AllPairsLogits.predictions(logits);
        int classes = (int) logits.getShape().get(1);
        double[] z = logits.toDoubleArray();
        int p = task.modulus();
        int first = task.operation().isDivision() ? 1 : 0;
        int pairs = 0;
        int agree = 0;
        double distance = 0;
        for (int a = first; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                int i = task.indexOf(a, b);
                int j = task.indexOf(b, a);
                pairs++;
                agree += predicted[i] == predicted[j] ? 1 : 0;
                double s = 0;
                for (int c = 0; c < classes; c++) {
                    double t = z[i * classes + c] - z[j * classes + c];
                    s += t * t;
                }
                distance += Math.sqrt(s);
            }
        }
        return new double[] {(double) agree / pairs, distance / pairs};
    }
}

package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.NamedParameter;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.optim.Schedule;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The exactness tolerance catches coupling: the stacked step with an optimizer that couples
 * members (a gradient-norm clip over the whole tensor, which spans every member once stacked)
 * moves the members' parameters away from their lone updates by far more than the tolerance,
 * while the same comparison with an elementwise optimizer stays within it.
 */
class CouplingTest {

    @Test
    void anElementwiseOptimizerKeepsEveryMemberOnItsLoneUpdates() {
        double difference = differenceFromLoneUpdates(() -> Optimizers.sgd().learningRate(0.5).build());
        assertTrue(difference <= EnsembleTest.TOLERANCE, "largest relative difference " + difference);
    }

    @Test
    void aNormClipAcrossTheStackIsCaughtAsCoupling() {
        double difference = differenceFromLoneUpdates(() -> new ClippedSgd(0.5, 0.1));
        assertTrue(difference > 1e3 * EnsembleTest.TOLERANCE, "largest relative difference " + difference);
    }

    /** Ten updates of three embedding MLPs alone and stacked; the largest relative parameter difference. */
    private static double differenceFromLoneUpdates(Supplier<GrokOptimizer> optimizer) {
        List<Experiment> experiments = EnsembleTest.SEEDS.stream()
                .map(seed -> EnsembleTest.modAdd(seed, Optimizers.sgd()).build()).toList();
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            List<GrokModel> alone = new ArrayList<>();
            List<GrokModel> initial = new ArrayList<>();
            for (Experiment e : experiments) {
                for (List<GrokModel> models : List.of(alone, initial)) {
                    models.add(Grokkit.seeded(e.seed(), () -> e.model().build(e.data().train(), e.dtype(), manager)));
                }
            }
            StackedModel stacked = StackedModel.stack(initial, manager);
            StackedStep step = new StackedStep(stacked, optimizer.get(),
                    Losses.crossEntropy());
            NDArray x = stackedInputs(experiments, manager, true);
            NDArray y = stackedInputs(experiments, manager, false);
            for (int k = 0; k < experiments.size(); k++) {
                Experiment e = experiments.get(k);
                TrainingStep lone = new TrainingStep(alone.get(k), optimizer.get(), Losses.crossEntropy());
                NDArray xk = e.data().train().inputs(manager, e.dtype());
                NDArray yk = e.data().train().labelArray(manager);
                for (int t = 0; t < 10; t++) {
                    lone.run(xk, yk, 0);
                }
            }
            for (int t = 0; t < 10; t++) {
                step.run(x, y);
            }
            double largest = 0;
            for (int k = 0; k < experiments.size(); k++) {
                stacked.copyInto(k, initial.get(k));
                for (NamedParameter p : alone.get(k).trainableParameters()) {
                    double[] expected = p.array().toDoubleArray();
                    double[] actual = initial.get(k).parameter(p.name()).array().toDoubleArray();
                    for (int i = 0; i < expected.length; i++) {
                        double scale = Math.max(Math.abs(expected[i]), 1e-3);
                        largest = Math.max(largest, Math.abs(expected[i] - actual[i]) / scale);
                    }
                }
            }
            return largest;
        }
    }

    private static NDArray stackedInputs(List<Experiment> experiments, NDManager manager, boolean inputs) {
        ai.djl.ndarray.NDList parts = new ai.djl.ndarray.NDList();
        for (Experiment e : experiments) {
            parts.add(inputs ? e.data().train().inputs(manager, e.dtype()) : e.data().train().labelArray(manager));
        }
        return ai.djl.ndarray.NDArrays.stack(parts);
    }

    /** SGD whose gradient is scaled to norm at most {@code maxNorm} over the tensor it is given. */
    private static final class ClippedSgd extends GrokOptimizer {
        private final double maxNorm;

        ClippedSgd(double lr, double maxNorm) {
            super(Schedule.constant(lr), List.of());
            this.maxNorm = maxNorm;
        }

        @Override
        protected void step(String parameterId, NDArray weight, NDArray grad, int t, double lr) {
            double norm = grad.norm().getDouble();
            weight.subi(grad.mul(lr * Math.min(1, maxNorm / norm)));
        }
    }
}

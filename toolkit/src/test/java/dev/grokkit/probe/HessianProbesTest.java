package dev.grokkit.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.hessian.BlockReport;
import dev.grokkit.hessian.BlockStatistics;
import dev.grokkit.hessian.DenseHessian;
import dev.grokkit.hessian.LossHessian;
import dev.grokkit.hessian.PowerIteration;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.History;
import dev.grokkit.train.LogSchedule;
import dev.grokkit.train.Run;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Hessian probes inside a real run: columns at the chosen fractions, values equal to direct computation. */
class HessianProbesTest {

    private static Dataset blobs() {
        Random r = new Random(2);
        int n = 40;
        float[] x = new float[3 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                x[3 * i + j] = (float) (r.nextGaussian() * 0.7 + (j == y[i] ? 1 : 0));
            }
        }
        Examples all = Examples.ofFeatures(x, new Shape(3), y, 3);
        int[] train = java.util.stream.IntStream.range(0, 30).toArray();
        int[] test = java.util.stream.IntStream.range(30, n).toArray();
        return new Dataset("blobs", all.select(train), all.select(test));
    }

    @Test
    void stepsAreRoundedFractionsOfTraining() {
        SharpnessProbe p = Probes.sharpness();
        assertArrayEquals(new long[] {0, 10, 250, 500, 750, 1000}, p.steps(1000));
        assertArrayEquals(new long[] {0, 1, 2}, p.at(0, 0.5, 0.51, 1).steps(2));
        assertTrue(p.runsAt(1, 2));
        assertFalse(Probes.sharpness().runsAt(11, 1000));
        assertThrows(IllegalArgumentException.class, () -> Probes.sharpness().at(1.5));
        assertThrows(IllegalArgumentException.class, () -> Probes.blockStatistics().batch(0));
    }

    @Test
    void runRecordsHessianColumnsAtTheChosenStepsWhateverItsLogSchedule() {
        long steps = 20;
        SharpnessProbe sharpness = Probes.sharpness().at(0, 0.25, 1).batch(25).topK(2)
                .powerIteration(PowerIteration.withDefaults().tolerance(1e-12).maxIterations(3000));
        BlockStatisticsProbe blocks = Probes.blockStatistics().at(0, 0.25, 1).batch(25);
        Dataset data = blobs();
        Experiment experiment = Experiment.builder().data(data).model(Models.mlp().hidden(5))
                .optimizer(Optimizers.sgd().learningRate(0.1)).loss(Losses.crossEntropy()).steps(steps)
                .fullBatch().seed(1).precision(DataType.FLOAT64)
                .logSchedule(LogSchedule.every(10)) // step 5 (25%) is the probes' own: the run adds it
                .probes(sharpness, blocks).build();
        try (Run run = experiment.run(); NDManager manager = Grokkit.engine().newBaseManager()) {
            History h = run.history();
            assertArrayEquals(new long[] {0, 5, 10, 20}, h.steps());
            for (String column : sharpness.columns()) {
                assertTrue(h.columnNames().contains(column), column);
            }
            for (String column : blocks.columns()) {
                assertTrue(h.columnNames().contains(column), column);
            }
            double[] top = h.values("hessian_eigenvalue_1");
            assertFalse(Double.isNaN(top[0]) || Double.isNaN(top[1]) || Double.isNaN(top[3]));
            assertTrue(Double.isNaN(top[2]), "the probe must not run at step 10");

            NDArray x = data.train().inputs(manager, DataType.FLOAT64).get("0:25");
            NDArray y = data.train().labelArray(manager).get("0:25");
            LossHessian hessian = LossHessian.of(run.model(), Losses.crossEntropy(), x, y);
            double[] exact = DenseHessian.of(hessian).spectrum().nodes();
            double[] byMagnitude = Arrays.stream(exact).boxed().sorted((a, b) -> Double.compare(Math.abs(b), Math.abs(a)))
                    .mapToDouble(Double::doubleValue).toArray();
            assertEquals(byMagnitude[0], h.last("hessian_eigenvalue_1"), 1e-7 * Math.abs(byMagnitude[0]));
            assertEquals(byMagnitude[1], h.last("hessian_eigenvalue_2"), 1e-5 * Math.abs(byMagnitude[0]));
            double trace = Arrays.stream(exact).sum();
            assertEquals(trace, h.last("hessian_trace"), 4 * h.last("hessian_trace_se") + 1e-9);

            BlockReport report = BlockStatistics.withDefaults().compute(hessian);
            assertEquals(report.sumAbsoluteTraces(), h.last("hessian_block_sum_abs_trace"), 1e-10);
            assertEquals(report.positiveFraction(), h.last("hessian_block_positive_fraction"), 0);
            assertEquals(report.meanEntropyGap(), h.last("hessian_block_entropy_gap"), 1e-10);
            assertEquals(report.modelEntropyGap(), h.last("hessian_entropy_gap"), 1e-10);
            assertEquals(report.entropyStd(), h.last("hessian_block_entropy_std"), 1e-10);
            assertEquals(report.meanJensenShannonDistance(), h.last("hessian_block_js_distance"), 1e-10);
            assertEquals(Arrays.stream(exact).max().orElseThrow(), h.last("hessian_top_eigenvalue"), 1e-10);
            assertEquals(trace, h.last("hessian_block_trace"), 1e-10);
        }
    }
}

package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.optim.OptimizerSpec;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.History;
import dev.grokkit.train.Run;
import dev.grokkit.train.Stop;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every member of an ensemble records, in float64, the history its experiment records alone, to
 * 1e-10 relative: any coupling between members (one member's gradient or update reaching
 * another's slice) would be far larger.
 */
class EnsembleTest {

    static final double TOLERANCE = 1e-10;
    static final List<Long> SEEDS = List.of(0L, 1L, 2L);

    /** x+y mod 13 on the member's own random half of the pairs, an embedding MLP, float64. */
    static Experiment.Builder modAdd(long seed, OptimizerSpec optimizer) {
        Dataset data = ModularArithmetic.builder().modulus(13).operation(Operation.ADD).trainFraction(0.5).seed(seed)
                .build();
        return Experiment.builder().name("modadd seed " + seed).data(data)
                .model(Models.embeddingMlp().embeddingDim(8).hidden(16)).optimizer(optimizer)
                .steps(60).seed(seed).precision("float64").logEvery(10).fullBatch().quiet();
    }

    /** Two Gaussian blobs in 3-d, the member's own random half for training, an MLP, float64. */
    static Experiment.Builder blobs(long seed, OptimizerSpec optimizer) {
        Random random = new Random(42);
        int n = 64;
        float[] x = new float[3 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 3; j++) {
                x[3 * i + j] = (float) (random.nextGaussian() + (y[i] == 0 ? -0.5 : 0.5));
            }
        }
        Dataset data = Examples.ofFeatures(x, new Shape(3), y, 2).split("blobs", 0.5, seed);
        return Experiment.builder().name("blobs seed " + seed).data(data)
                .model(Models.mlp().hidden(8, 8)).optimizer(optimizer)
                .steps(50).seed(seed).precision("float64").logEvery(5).fullBatch().quiet();
    }

    @Test
    void embeddingMlpMembersTrainedWithAdamWRecordTheirLoneHistories() {
        assertMembersEqualLoneRuns(seed -> modAdd(seed,
                Optimizers.adamW().learningRate(1e-2).weightDecay(1.0).betas(0.9, 0.98))
                .probes(Probes.weightNorm()).build());
    }

    @Test
    void embeddingMlpMembersTrainedWithSgdRecordTheirLoneHistories() {
        assertMembersEqualLoneRuns(seed -> modAdd(seed, Optimizers.sgd().learningRate(0.5).momentum(0.9)).build());
    }

    @Test
    void mlpMembersTrainedWithSgdRecordTheirLoneHistories() {
        assertMembersEqualLoneRuns(seed -> blobs(seed, Optimizers.sgd().learningRate(0.1).momentum(0.5)
                .weightDecay(1e-3)).probes(Probes.weightNorm()).build());
    }

    @Test
    void mlpMembersTrainedWithAdamOnMseRecordTheirLoneHistories() {
        assertMembersEqualLoneRuns(seed -> blobs(seed, Optimizers.adam().learningRate(1e-2).weightDecay(1e-2))
                .loss(Losses.mse()).build());
    }

    /**
     * As the plan for the machine lays the members out (""), and as given (workers, threads per
     * worker, members per stack): in turn in stacks of one, in stacks of 2 and 1, and on two
     * workers at once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "1,1,1", "1,1,2", "2,1,1", "2,1,2"})
    void eachMemberStopsWhereItsLoneRunStops(String layout) {
        int[] p = layout.isEmpty() ? null : java.util.Arrays.stream(layout.split(",")).mapToInt(Integer::parseInt).toArray();
        StackPlan plan = p == null ? null : new StackPlan(p[0], p[1], p[2]);
        List<Run> lone = new ArrayList<>();
        LongFunction<Experiment> experiment = seed -> modAdd(seed,
                Optimizers.adamW().learningRate(3e-2).weightDecay(1.0).betas(0.9, 0.98))
                .steps(400).stopWhen(Stop.trainAccuracyAtLeast(1.0)).build();
        List<Run> members = new EnsembleTraining(SEEDS.stream().map(experiment::apply).toList(), false, plan).run();
        try {
            List<Long> ends = new ArrayList<>();
            for (int k = 0; k < SEEDS.size(); k++) {
                lone.add(experiment.apply(SEEDS.get(k)).run());
                assertEquals(lone.get(k).stopReason(), members.get(k).stopReason());
                assertEquals(lone.get(k).steps(), members.get(k).steps());
                assertClose(lone.get(k).history(), members.get(k).history());
                ends.add(members.get(k).steps());
            }
            assertTrue(ends.stream().distinct().count() > 1 && ends.stream().allMatch(s -> s < 400),
                    "the members stop at different steps before the budget: " + ends);
        } finally {
            lone.forEach(Run::close);
            members.forEach(Run::close);
        }
    }

    @Test
    void aMembersModelIsItsLoneModelAtTheEnd() {
        LongFunction<Experiment> experiment = seed -> blobs(seed, Optimizers.sgd().learningRate(0.1)).build();
        List<Run> members = Ensemble.of(SEEDS, experiment::apply).run();
        try (Run lone = experiment.apply(SEEDS.get(1)).run()) {
            for (var p : lone.model().trainableParameters()) {
                double[] expected = p.array().toDoubleArray();
                double[] actual = members.get(1).model().parameter(p.name()).array().toDoubleArray();
                assertArrayEquals(expected, actual, TOLERANCE * 10, p.name());
            }
        } finally {
            members.forEach(Run::close);
        }
    }

    @Test
    void anInterruptEndsEveryMemberWithARowForTheStep() {
        Thread.currentThread().interrupt();
        List<Run> members = Ensemble.of(SEEDS, seed -> modAdd(seed, Optimizers.sgd()).steps(1_000_000).build()).run();
        try {
            for (Run run : members) {
                assertEquals("interrupted at step 0", run.stopReason());
                assertEquals(1, run.history().rowCount());
            }
        } finally {
            members.forEach(Run::close);
        }
    }

    private static void assertMembersEqualLoneRuns(LongFunction<Experiment> experiment) {
        List<Run> members = Ensemble.of(SEEDS, experiment::apply).run();
        try {
            assertEquals(SEEDS.size(), members.size());
            for (int k = 0; k < SEEDS.size(); k++) {
                try (Run lone = experiment.apply(SEEDS.get(k)).run()) {
                    assertEquals(lone.experiment().describe(), members.get(k).experiment().describe());
                    assertClose(lone.history(), members.get(k).history());
                }
            }
        } finally {
            members.forEach(Run::close);
        }
    }

    /** The same columns and steps, every value within TOLERANCE relative (missing values both missing). */
    static void assertClose(History expected, History actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertArrayEquals(expected.steps(), actual.steps(), "steps");
        for (String column : expected.valueColumnNames()) {
            double[] e = expected.values(column);
            double[] a = actual.values(column);
            for (int i = 0; i < e.length; i++) {
                double scale = Math.max(Math.abs(e[i]), Math.abs(a[i]));
                boolean close = Double.isNaN(e[i]) ? Double.isNaN(a[i]) : Math.abs(e[i] - a[i]) <= TOLERANCE * scale;
                assertTrue(close, expected.name() + ": " + column + " at step " + expected.steps()[i] + " alone "
                        + e[i] + ", in the ensemble " + a[i]);
            }
        }
    }
}

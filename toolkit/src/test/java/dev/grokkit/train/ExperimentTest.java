package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {

    private static Experiment.Builder modAdd() {
        return Experiment.builder()
                .data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.sgd().learningRate(0.05).momentum(0.9))
                .steps(60).logEvery(20).seed(3).quiet();
    }

    @Test
    void historyHasCoreAndProbeColumnsAtLoggedSteps() {
        try (Run run = modAdd().probes(Probes.weightNorm("hidden1"), Probes.gradientNorm()).build().run()) {
            History h = run.history();
            assertEquals(List.of("step", "train_loss", "train_acc", "test_loss", "test_acc", "weight_norm",
                    "weight_norm:hidden1", "grad_norm"), h.columnNames());
            assertArrayEquals(new long[] {0, 20, 40, 60}, h.steps());
            assertEquals(60, run.steps());
            assertTrue(h.last("train_loss") < h.values("train_loss")[0], "training lowers the loss");
            assertTrue(h.last("weight_norm") > h.last("weight_norm:hidden1"));
        }
    }

    @Test
    void sameSeedGivesIdenticalHistoryAndOtherSeedDoesNot() {
        Experiment e = modAdd().probes(Probes.weightNorm()).build();
        double[] a;
        double[] b;
        try (Run r1 = e.run(); Run r2 = e.run()) {
            assertEquals(r1.history().print(), r2.history().print());
            a = r1.history().values("weight_norm");
        }
        try (Run r3 = modAdd().seed(4).probes(Probes.weightNorm()).build().run()) {
            b = r3.history().values("weight_norm");
        }
        assertTrue(a[0] != b[0], "another seed initializes differently");
    }

    @Test
    void minibatchRunResumedFromCheckpointEqualsUninterruptedRun(@TempDir Path dir) {
        Experiment full = modAdd().batchSize(10).build();
        String expected;
        try (Run r = full.run()) {
            expected = r.history().print();
        }
        Experiment firstHalf = modAdd().batchSize(10).steps(30).checkpoints(dir, 10).build();
        try (Run r = firstHalf.run()) {
            assertEquals(30, r.steps());
        }
        try (Run resumed = firstHalf.withSteps(60).resume()) {
            History h = resumed.history();
            assertArrayEquals(new long[] {0, 20, 30, 40, 60}, h.steps(), "the first session's last row stays");
            assertEquals(expected, h.where(h.intColumn("step").isNotEqualTo(30)).print());
            assertEquals(60, resumed.steps());
        }
    }

    @Test
    void resumeRefusesAnotherExperimentsCheckpoint(@TempDir Path dir) {
        try (Run r = modAdd().steps(10).checkpoints(dir, 5).build().run()) {
            assertEquals(10, r.steps());
        }
        Experiment other = modAdd().seed(99).steps(20).checkpoints(dir, 5).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, other::resume);
        assertTrue(e.getMessage().contains("another experiment"), e.getMessage());
    }

    @Test
    void stopRuleEndsRunEarlyWithReason() {
        Experiment e = Experiment.builder().data(TinyTasks.blobs(200, 0))
                .model(Models.mlp().hidden(16)).optimizer(Optimizers.sgd().learningRate(0.5))
                .steps(2000).logEvery(10).stopWhen(Stop.trainAccuracyAtLeast(0.95)).quiet().build();
        try (Run run = e.run()) {
            assertTrue(run.steps() < 2000, "stopped at " + run.steps());
            assertTrue(run.stopReason().startsWith("train_acc >= 0.95"), run.stopReason());
            assertTrue(run.history().last("train_acc") >= 0.95);
        }
    }

    @Test
    void interruptedRunKeepsItsHistory() {
        Experiment e = modAdd().steps(1_000_000).build();
        Thread.currentThread().interrupt();
        try (Run run = e.run()) {
            assertTrue(run.stopReason().startsWith("interrupted at step 0"), run.stopReason());
            assertEquals(1, run.history().rowCount());
        }
    }

    @Test
    void float64RunHasFloat64Model() {
        try (Run run = modAdd().precision("float64").loss(Losses.mse()).steps(5).build().run()) {
            assertEquals(DataType.FLOAT64, run.model().dtype());
            assertEquals(DataType.FLOAT64, run.model().parameters().get(0).array().getDataType());
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        Experiment shortRun = modAdd().batchSize(10).steps(10).logEvery(5).build();
        Experiment longRun = modAdd().batchSize(10).steps(200).logEvery(5).build();
        try (Run a = shortRun.run(); Run b = longRun.run()) {
            assertEquals(countArrays(a.model().manager()), countArrays(b.model().manager()));
        }
    }

    private static int countArrays(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    @Test
    void missingSettingsAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Experiment.builder().data(TinyTasks.blobs(10, 0)).build());
        assertTrue(e.getMessage().contains("model, optimizer, steps"), e.getMessage());
        for (long bad : new long[] {0, -5}) {
            IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                    () -> Experiment.builder().steps(bad));
            assertTrue(steps.getMessage().contains("steps must be >= 1, was " + bad), steps.getMessage());
        }
        Grokkit.engine();
    }
}

package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose loss or weights stop being finite ends at the first logged step where they do, says
 * so with the step, and keeps (and checkpoints) its history up to there.
 */
class DivergenceTest {

    /** SGD with learning rate 1e12 on two blobs: the weights overflow float32 within a few steps. */
    private static Experiment.Builder exploding() {
        return Experiment.builder().data(TinyTasks.blobs(40, 0)).model(Models.mlp().hidden(16))
                .optimizer(Optimizers.sgd().learningRate(1e12)).steps(1000).seed(0).quiet();
    }

    @Test
    void nonFiniteLossStopsTheRunNamingTheStepAndKeepsTheHistory(@TempDir Path dir) {
        try (Run run = exploding().logEvery(1).probes(Probes.weightNorm()).checkpoints(dir, 100).build().run()) {
            long step = run.steps();
            assertTrue(step > 0 && step < 1000, "stopped at " + step);
            assertTrue(run.stopReason().matches("diverged: (train_loss|weight_norm) is (NaN|-?Infinity) at step "
                    + step), run.stopReason());
            History h = run.history();
            assertEquals(step + 1, h.rowCount(), "one row per step up to the divergence");
            double[] loss = h.values("train_loss");
            for (int i = 0; i < loss.length - 1; i++) {
                assertTrue(Double.isFinite(loss[i]), "step " + i + " was still finite");
            }
            Checkpoint last = Checkpoint.latest(dir).orElseThrow();
            assertEquals(step, last.step());
            assertEquals(h.rowCount(), last.history(h.valueColumnNames()).rowCount(), "the checkpoint keeps the history");
        }
    }

    @Test
    void divergenceIsSeenAtTheNextLoggedStep() {
        try (Run run = exploding().logEvery(25).build().run()) {
            assertEquals(25, run.steps(), run.stopReason());
            assertTrue(run.stopReason().startsWith("diverged: train_loss is "), run.stopReason());
            assertTrue(run.stopReason().endsWith(" at step 25"), run.stopReason());
            assertArrayEquals(new long[] {0, 25}, run.history().steps());
        }
    }

    @Test
    void nonFiniteWeightsAloneAreDivergence() {
        StopRule rule = Stop.diverged();
        assertEquals(Optional.empty(), rule.check(Map.of("train_loss", 0.5, "weight_norm", 3.0)));
        assertEquals(Optional.of("diverged: weight_norm is Infinity"),
                rule.check(Map.of("train_loss", 0.5, "weight_norm", Double.POSITIVE_INFINITY)));
        assertEquals(Optional.of("diverged: train_loss is NaN"), rule.check(Map.of("train_loss", Double.NaN)));
    }
}

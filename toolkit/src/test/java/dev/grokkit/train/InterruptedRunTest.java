package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt (a notebook's stop button) that arrives while a checkpoint is due: the checkpoint
 * is still written (file writes are not interruptible), the run ends at that step with its
 * history, and resuming continues it as if it had never stopped.
 */
class InterruptedRunTest {

    private static Experiment.Builder experiment(Path dir) {
        return Experiment.builder().data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.adamW().learningRate(1e-2)).steps(40).logEvery(10).seed(3)
                .checkpoints(dir, 10).quiet();
    }

    @Test
    void anInterruptAtACheckpointKeepsTheCheckpointAndTheRunResumes(@TempDir Path dir) {
        History uninterrupted;
        try (Run run = experiment(dir.resolve("reference")).build().run()) {
            uninterrupted = run.history();
        }
        Experiment experiment = experiment(dir.resolve("interrupted")).build();
        Thread.currentThread().interrupt();
        try (Run run = experiment.run()) {
            assertEquals("interrupted at step 0", run.stopReason());
            assertEquals(1, run.history().rowCount());
        }
        assertTrue(!Thread.currentThread().isInterrupted(), "the run consumed the interrupt");
        assertEquals(0, Checkpoint.latest(dir.resolve("interrupted")).orElseThrow().step());
        try (Run resumed = experiment.resume()) {
            Histories.assertBitIdentical(uninterrupted, resumed.history());
        }
    }
}

package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probe;
import dev.grokkit.probe.ProbeContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure in the middle of a run hands back the run so far, attached to the exception. */
class RunFailureTest {

    private static Experiment.Builder experiment() {
        return Experiment.builder().data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(16))
                .optimizer(Optimizers.adamW().learningRate(1e-2)).steps(40).logEvery(10).seed(3).quiet();
    }

    /** A probe that fails at one step. */
    private record FailingAt(long step) implements Probe {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public List<String> columns() {
            return List.of("failing");
        }

        @Override
        public double[] measure(ProbeContext context) {
            if (context.step() == step) {
                throw new IllegalStateException("probe broke at step " + step);
            }
            return new double[] {1};
        }
    }

    @Test
    void aProbeThatThrowsHandsBackTheRunSoFar() {
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> experiment().probes(new FailingAt(30)).build().run());
        try (Run partial = e.run()) {
            assertArrayEquals(new long[] {0, 10, 20}, partial.history().steps());
            assertEquals(30, partial.steps());
            assertTrue(partial.stopReason().startsWith("failed at step 30"), partial.stopReason());
            assertEquals("probe broke at step 30", e.getCause().getMessage());
            assertTrue(e.getMessage().contains("failed at step 30") && e.getMessage().contains("probe broke"),
                    e.getMessage());
        }
    }

    @Test
    void aFinishedRunWhoseFinalCheckpointFailsIsHandedBack(@TempDir Path dir) {
        Path checkpoints = dir.resolve("checkpoints");
        RunListener diskGoesAway = new RunListener() {
            @Override
            public void logged(long step, Map<String, Double> row) {
                if (step == 40) { // the checkpoint directory becomes a file: the final save cannot write
                    try {
                        try (var files = Files.walk(checkpoints)) {
                            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                                Files.delete(p);
                            }
                        }
                        Files.writeString(checkpoints, "not a directory");
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                }
            }
        };
        RunFailedException e = assertThrows(RunFailedException.class,
                () -> experiment().checkpoints(checkpoints, 10).listener(() -> diskGoesAway).build().run());
        assertTrue(e.getCause() instanceof UncheckedIOException, String.valueOf(e.getCause()));
        try (Run partial = e.run()) {
            assertArrayEquals(new long[] {0, 10, 20, 30, 40}, partial.history().steps());
            assertEquals(40, partial.steps());
            assertSame(partial.model(), e.run().model());
            assertTrue(partial.model().parameters().get(0).array().sum().getFloat() != 0, "the model is still open");
        }
    }
}

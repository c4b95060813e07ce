package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a run whose checkpoint is at or beyond the step budget ends at once: a finished run is
 * returned as it is, and a budget below the checkpoint's step is refused (a checkpoint cannot be
 * rewound), never trained on forever.
 */
class ResumeBudgetTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Experiment.Builder experiment() {
        return Experiment.builder().data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(16))
                .optimizer(Optimizers.adamW().learningRate(1e-2)).steps(40).logEvery(10).seed(3)
                .checkpoints(dir, 10).quiet();
    }

    private List<String> contents() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p) + ":" + p.toFile().length() + ":" + p.toFile().lastModified())
                    .sorted().toList();
        }
    }

    @Test
    void aSmallerBudgetThanTheCheckpointsStepIsRefusedNamingBoth() throws IOException {
        experiment().build().run().close();
        List<String> before = contents();
        Experiment shorter = experiment().build().withSteps(20);
        for (Runnable resume : List.<Runnable>of(shorter::resume, shorter::runOrResume)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> assertTimeoutPreemptively(PATIENCE, resume::run));
            assertTrue(e.getMessage().contains("step 40") && e.getMessage().contains("20 steps")
                    && e.getMessage().contains(dir.toString()), e.getMessage());
        }
        assertEquals(before, contents(), "a refused resume writes nothing");
    }

    @Test
    void aFinishedRunReturnsAtOnceWithoutTrainingOrWriting() throws IOException {
        History first;
        try (Run run = experiment().build().run()) {
            first = run.history();
        }
        List<String> before = contents();
        AtomicInteger rows = new AtomicInteger();
        RunListener counting = new RunListener() {
            @Override
            public void logged(long step, Map<String, Double> row) {
                rows.incrementAndGet();
            }
        };
        try (Run again = assertTimeoutPreemptively(PATIENCE,
                () -> experiment().listener(() -> counting).build().runOrResume())) {
            assertEquals(40, again.steps());
            assertEquals("completed 40 steps", again.stopReason());
            Histories.assertBitIdentical(first, again.history());
        }
        assertEquals(0, rows.get(), "no row is recorded again");
        assertEquals(before, contents(), "nothing is rewritten");
    }

    @Test
    void aSweepRerunWithFewerStepsEndsWithTheReason() {
        // the sweep's run of value 40 was stopped at step 40 (its checkpoints are on disk, no run.properties)
        Path checkpoints = dir.resolve("40").resolve("checkpoints");
        Experiment.Builder b = experiment();
        b.checkpoints(checkpoints, 10).build().run().close();
        Sweep<Integer> shorter = Sweep.over("budget", List.of(40), (Integer n) -> experiment().steps(20).build())
                .saveTo(dir, 10).listener(RunListeners.silent());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> assertTimeoutPreemptively(PATIENCE, shorter::run));
        assertTrue(e.getCause().getMessage().contains("step 40") && e.getCause().getMessage().contains("20 steps"),
                String.valueOf(e.getCause()));
    }

    @Test
    void aRunEndedByAStopRuleReturnsAtOnceWithItsReason() {
        Experiment stopping = experiment().stopWhen(Stop.trainLossBelow(100)).build();
        try (Run run = stopping.run()) {
            assertEquals(0, run.steps());
        }
        try (Run again = assertTimeoutPreemptively(PATIENCE, stopping::runOrResume)) {
            assertEquals(0, again.steps());
            assertEquals("train_loss < 100.0 at step 0", again.stopReason());
            assertEquals(1, again.history().rowCount());
        }
    }
}

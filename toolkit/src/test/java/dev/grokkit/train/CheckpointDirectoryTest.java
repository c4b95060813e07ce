package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.data.Dataset;
import dev.grokkit.model.Models;
import dev.grokkit.optim.AdamSpec;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.optim.Schedule;
import dev.grokkit.probe.Probes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint directory has one owner: the experiment whose checkpoints it holds, and one live
 * run at a time. Identity is what determines the history, not a display string.
 */
class CheckpointDirectoryTest {

    @TempDir
    Path dir;

    private static Experiment.Builder experiment(Dataset data, long seed) {
        return Experiment.builder().data(data).model(Models.embeddingMlp().embeddingDim(8).hidden(16))
                .optimizer(Optimizers.adamW().learningRate(1e-2)).steps(40).logEvery(10).seed(seed).quiet();
    }

    private static Experiment.Builder experiment(long seed) {
        return experiment(TinyTasks.modularAddition(7, 0.6, 1), seed);
    }

    private List<String> contents() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? ":" + p.toFile().length() : ""))
                    .sorted().toList();
        }
    }

    @Test
    void aRunFromScratchInAnotherExperimentsDirectoryIsRefusedAndWritesNothing() throws IOException {
        experiment(3).checkpoints(dir, 10).build().run().close();
        List<String> before = contents();
        Experiment other = experiment(4).steps(20).checkpoints(dir, 10).build();
        for (Runnable open : List.<Runnable>of(other::run, other::runOrResume, other::resume)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, open::run);
            assertTrue(e.getMessage().contains("belongs to another experiment")
                    && e.getMessage().contains("seed: checkpoint 3, this experiment 4"), e.getMessage());
        }
        assertEquals(before, contents(), "the other experiment's checkpoints are untouched");
    }

    @Test
    void twoLiveRunsCannotShareADirectory() throws Exception {
        CountDownLatch firstIsRunning = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        RunListener waiting = new RunListener() {
            @Override
            public void logged(long step, Map<String, Double> row) {
                if (step == 10) {
                    firstIsRunning.countDown();
                    try {
                        secondTried.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Experiment first = experiment(3).checkpoints(dir, 10).listener(() -> waiting).build();
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(first::run);
        assertTrue(firstIsRunning.await(60, TimeUnit.SECONDS));
        try {
            Experiment second = experiment(3).checkpoints(dir, 10).build();
            IllegalStateException e = assertThrows(IllegalStateException.class, second::run);
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("in use by another run"),
                    e.getMessage());
        } finally {
            secondTried.countDown();
        }
        try (Run run = running.get(60, TimeUnit.SECONDS)) {
            assertEquals(40, run.steps());
        }
        try (Run resumed = experiment(3).checkpoints(dir, 10).build().runOrResume()) {
            assertEquals("completed 40 steps", resumed.stopReason(), "the lock is released when the run ends");
        }
    }

    @Test
    void twoLambdaSchedulesAreTwoExperiments() {
        AdamSpec halving = Optimizers.adamW().schedule(step -> step < 20 ? 1e-2 : 5e-3);
        AdamSpec constant = Optimizers.adamW().schedule(step -> 1e-2);
        experiment(3).optimizer(halving).steps(30).checkpoints(dir, 10).build().run().close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> experiment(3).optimizer(constant).checkpoints(dir, 10).build().resume());
        assertTrue(e.getMessage().contains("learning rates"), e.getMessage());
    }

    @Test
    void aScheduleThatAgreesOnTheStepsTakenContinuesTheRun() {
        Schedule decayLater = step -> step < 30 ? 1e-2 : 1e-3;
        experiment(3).optimizer(Optimizers.adamW().schedule(step -> 1e-2)).steps(30).checkpoints(dir, 10).build()
                .run().close();
        try (Run resumed = experiment(3).optimizer(Optimizers.adamW().schedule(decayLater)).checkpoints(dir, 10)
                .build().resume()) {
            assertEquals(40, resumed.steps());
        }
    }

    @Test
    void otherDataUnderTheSameNameIsAnotherExperiment() {
        experiment(TinyTasks.modularAddition(7, 0.6, 1), 3).checkpoints(dir, 10).steps(20).build().run().close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> experiment(TinyTasks.modularAddition(7, 0.6, 2), 3).checkpoints(dir, 10).build().resume());
        assertTrue(e.getMessage().contains("data:"), e.getMessage());
    }

    @Test
    void anAddedProbeIsRefusedAtResumeNamingTheProbe() {
        experiment(3).checkpoints(dir, 10).steps(20).build().run().close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> experiment(3).probes(Probes.weightNorm()).checkpoints(dir, 10).build().resume());
        assertTrue(e.getMessage().contains("probes:") && e.getMessage().contains("added weight_norm"),
                e.getMessage());
    }

    @Test
    void aSpecChangedAfterBuildDoesNotChangeTheBuiltExperiment() {
        AdamSpec optimizer = Optimizers.adamW().learningRate(1e-2);
        Experiment built = experiment(3).optimizer(optimizer).steps(20).build();
        String description = built.describe();
        History expected;
        try (Run run = built.run()) {
            expected = run.history();
        }
        optimizer.learningRate(0.5).schedule(step -> 0.5);
        assertEquals(description, built.describe());
        try (Run again = built.run()) {
            Histories.assertBitIdentical(expected, again.history());
        }
    }
}

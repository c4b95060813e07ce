package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    /**
     * SGLD draws noise every step, so a run is reproducible only if no other run disturbs its draws;
     * the init scale multiplies the parameters in place, which fails on a worker thread that records.
     */
    private static Experiment noisy(long seed) {
        return Experiment.builder().data(TinyTasks.blobs(40, 1)).model(Models.mlp().hidden(6).initScale(2))
                .optimizer(Optimizers.sgld().learningRate(0.05).temperature(1e-3)).steps(30).seed(seed).logEvery(10)
                .quiet().build();
    }

    @Test
    void oneSummaryRowAndHistoryPerValue() {
        Sweep.Result<Long> result = Sweep.over("budget", List.of(5L, 10L), (Long n) -> Experiment.builder()
                .data(TinyTasks.blobs(40, 1)).model(Models.mlp().hidden(4))
                .optimizer(Optimizers.sgd().learningRate(0.1)).steps(n).logEvery(5).quiet().build())
                .listener(RunListeners.silent()).run();
        assertEquals(List.of(5L, 10L), result.points());
        assertEquals(2, result.summary().rowCount());
        assertEquals(10, result.summary().intColumn("steps").getInt(1));
        assertEquals(3, result.history(10L).rowCount());
        assertEquals(result.history(10L).last("test_acc"),
                result.summary().doubleColumn("final_test_acc").getDouble(1));
        var unknown = assertThrows(IllegalArgumentException.class, () -> result.history(7L));
        assertTrue(unknown.getMessage().contains("no finished run for 7"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("steps", List.of(1), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(1, 1), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(1), v -> null).parallelism(0));
    }

    @Test
    void parallelRunsGiveTheSameHistoriesAsSequentialOnes() {
        List<Long> seeds = List.of(1L, 2L, 3L, 4L);
        Sweep.Result<Long> one = Sweep.over("seed", seeds, SweepTest::noisy).listener(RunListeners.silent()).run();
        Sweep.Result<Long> two = Sweep.over("seed", seeds, SweepTest::noisy).parallelism(2)
                .listener(RunListeners.silent()).run();
        for (Long seed : one.points()) {
            assertEquals(one.history(seed).toString(), two.history(seed).toString(), "seed " + seed);
        }
        assertFalse(one.history(1L).toString().equals(one.history(2L).toString()));
    }

    /** libtorch starts a new thread with the count last set anywhere: a worker's share must not become it. */
    @Test
    void aThreadStartedAfterAParallelSweepGetsTheCallersThreads() throws InterruptedException {
        assumeTrue(Grokkit.threads() > 1, "needs a machine with 2 or more processors");
        Grokkit.useThreadsOnThisThread(2);
        Sweep.over("seed", List.of(1L, 2L), SweepTest::noisy).parallelism(2).ensembles(false)
                .listener(RunListeners.silent()).run();
        AtomicInteger threads = new AtomicInteger();
        Thread fresh = new Thread(() -> threads.set(Grokkit.threadsOnThisThread()));
        fresh.start();
        fresh.join();
        assertEquals(2, threads.get());
    }

    @Test
    void savedRunsAreLoadedNotRedoneAndCheckpointedOnesResume(@TempDir Path dir) throws Exception {
        List<Long> seeds = List.of(1L, 2L);
        Sweep.Result<Long> fresh = Sweep.over("seed", seeds, SweepTest::noisy).listener(RunListeners.silent()).run();

        // seed 2 was killed at step 20: only its checkpoints are on disk
        noisy(2).toBuilder().checkpoints(dir.resolve("2").resolve("checkpoints"), 10).steps(20).build().run().close();
        AtomicInteger built = new AtomicInteger();
        Sweep<Long> sweep = Sweep.over("seed", seeds, (Long s) -> {
            built.incrementAndGet();
            return noisy(s);
        }).saveTo(dir, 10).listener(RunListeners.silent());
        Sweep.Result<Long> resumed = sweep.run();
        assertEquals(2, built.get());
        for (Long seed : fresh.points()) {
            assertEquals(fresh.history(seed).toString(), resumed.history(seed).toString(), "seed " + seed);
            assertTrue(Files.isRegularFile(dir.resolve(seed.toString()).resolve("run.properties")));
        }

        Sweep.Result<Long> again = sweep.run();
        assertEquals(resumed.summary().toString(), again.summary().toString(),
                "finished runs must be loaded, not trained again (the summary holds each run's seconds)");
    }

    /** A finished run stood for any experiment and budget: rerun shorter or changed, it was returned as it was. */
    @Test
    void finishedRunsAreLoadedOnlyForTheirExperimentAndANoSmallerBudget(@TempDir Path dir) {
        List<Long> seeds = List.of(1L);
        Sweep.over("seed", seeds, SweepTest::noisy).saveTo(dir, 10).listener(RunListeners.silent()).run();

        Sweep<Long> shorter = Sweep.over("seed", seeds, (Long s) -> noisy(s).toBuilder().steps(20).build())
                .saveTo(dir, 10).listener(RunListeners.silent());
        SweepFailure tooShort = assertThrows(SweepFailure.class, shorter::run);
        assertTrue(tooShort.getCause().getMessage().contains("a run cannot be shortened"), tooShort.getMessage());

        Sweep<Long> other = Sweep.over("seed", seeds, (Long s) -> noisy(s).toBuilder()
                .optimizer(Optimizers.sgld().learningRate(0.04).temperature(1e-3)).build())
                .saveTo(dir, 10).listener(RunListeners.silent());
        SweepFailure changed = assertThrows(SweepFailure.class, other::run);
        assertTrue(changed.getCause().getMessage().contains("finished run of another experiment")
                && changed.getCause().getMessage().contains("optimizer"), changed.getMessage());

        Sweep.Result<Long> longer = Sweep.over("seed", seeds, (Long s) -> noisy(s).toBuilder().steps(50).build())
                .saveTo(dir, 10).listener(RunListeners.silent()).run();
        try (Run alone = noisy(1).toBuilder().steps(50).build().run()) {
            assertEquals(alone.history().toString(), longer.history(1L).toString(),
                    "a larger budget continues the finished run from its last checkpoint, as if it had never stopped");
        }
    }

    private static Experiment modular(Operation operation) {
        return Experiment.builder().data(ModularArithmetic.builder().modulus(7).operation(operation)
                        .trainFraction(0.5).seed(0).form(ModularArithmetic.Form.PAIRS).build())
                .model(Models.embeddingMlp().embeddingDim(4).hidden(8)).optimizer(Optimizers.adamW().learningRate(1e-2))
                .steps(10).logEvery(5).quiet().build();
    }

    /** x+y, x*y and x/y once all became the folder x_y: the second run failed, in parallel with a rename error. */
    @Test
    void pointsWhoseValuesDifferOnlyInSymbolsGetTheirOwnFolders(@TempDir Path dir) throws Exception {
        List<Operation> operations = List.of(Operation.ADD, Operation.MULTIPLY, Operation.DIVIDE);
        for (int parallelism : new int[] {1, 3}) {
            Path sweepDir = dir.resolve("parallelism-" + parallelism);
            Sweep.Result<Operation> result = Sweep.over("operation", operations, SweepTest::modular).parallelism(parallelism)
                    .saveTo(sweepDir, 5).listener(RunListeners.silent()).run();
            assertEquals(operations, result.points());
            for (Operation operation : operations) {
                Path properties = sweepDir.resolve(SweepFolders.name(operation.toString())).resolve("run.properties");
                assertTrue(Files.readString(properties).contains("value=" + operation), properties.toString());
            }
            try (var folders = Files.list(sweepDir)) {
                assertEquals(3, folders.count());
            }
        }
        assertEquals("x+y", SweepFolders.name("x+y"));
        assertEquals("x%2Ay", SweepFolders.name("x*y"));
        assertEquals("x%2Fy", SweepFolders.name("x/y"));
    }

    @Test
    void folderNamesAreReadableSafeAndDistinct() {
        assertEquals("0.3", SweepFolders.name("0.3"));
        assertEquals("adamW_lr_0.001", SweepFolders.name("adamW_lr_0.001"));
        assertEquals("adamW(lr=0.001, wd=1.0)", SweepFolders.name("adamW(lr=0.001, wd=1.0)"));
        assertEquals("Point[fraction=0.3, seed=0]", SweepFolders.name("Point[fraction=0.3, seed=0]"));
        assertEquals("%2E%2E", SweepFolders.name(".."));
        assertEquals("%20padded.%20", SweepFolders.name(" padded. "));
        assertEquals("0%2E", SweepFolders.name("0."));
        assertEquals("a%3Cb%3E%22c%22%7Cd%3Fe", SweepFolders.name("a<b>\"c\"|d?e"));
        assertEquals("%2Ehidden", SweepFolders.name(".hidden"));
        assertEquals("100%25", SweepFolders.name("100%"));
        assertEquals("%C3%A9t%C3%A9", SweepFolders.name("\u00e9t\u00e9"));
        assertEquals("a%5Cb%3Ac%0A", SweepFolders.name("a\\b:c\n"));
        // a long value keeps a readable prefix and a checksum of the whole value, within file-name limits
        String longValue = "x".repeat(300);
        String name = SweepFolders.name(longValue);
        assertTrue(name.length() <= 120 && name.startsWith("xxxx") && name.matches(".*~[0-9a-f]{8}"), name);
        assertFalse(name.equals(SweepFolders.name("x".repeat(299) + "y")));
    }

    @Test
    void aFolderCollisionThatRemainsPossibleIsRefusedWhenTheSweepIsDefined(@TempDir Path dir) {
        Sweep<String> caseOnly = Sweep.over("optimizer", List.of("SGD", "adam", "sgd"), v -> null);
        var e = assertThrows(IllegalArgumentException.class, () -> caseOnly.saveTo(dir, 10));
        assertEquals("sweep over 'optimizer': the values 'SGD' (point 1) and 'sgd' (point 3) would share a folder on "
                + "a case-insensitive file system ('SGD' and 'sgd'); give them values that differ in more than case",
                e.getMessage());
        String longValue = "y".repeat(300);
        Sweep<String> prefixed = Sweep.over("v", List.of(longValue, SweepFolders.name(longValue)), v -> null);
        e = assertThrows(IllegalArgumentException.class, () -> prefixed.saveTo(dir, 10));
        assertTrue(e.getMessage().contains("(point 1) and '" + SweepFolders.name(longValue) + "' (point 2)"),
                e.getMessage());
        Sweep<String> empty = Sweep.over("v", List.of("a", ""), v -> null);
        e = assertThrows(IllegalArgumentException.class, () -> empty.saveTo(dir, 10));
        assertEquals("sweep over 'v': the value of point 2 prints as an empty string, which cannot name its folder",
                e.getMessage());
        // without saveTo there are no folders to collide
        assertDoesNotThrow(() -> Sweep.over("optimizer", List.of("SGD", "sgd", ""), v -> null).parallelism(2));
    }

    /** The run of 7 cannot be built once the run of 5 has started; the others train for n steps. */
    private static Experiment failingAtSeven(long n, CountDownLatch fiveStarted) throws InterruptedException {
        if (n == 7) {
            fiveStarted.await(); // in parallel, 5 has started before 7 fails, so it is run to the end
            throw new IllegalArgumentException("no budget of 7 here");
        }
        if (n == 5) {
            fiveStarted.countDown();
        }
        return Experiment.builder().data(TinyTasks.blobs(40, 1)).model(Models.mlp().hidden(4))
                .optimizer(Optimizers.sgd().learningRate(0.1)).steps(n).logEvery(5).quiet().build();
    }

    private static Sweep<Long> failingAtSeven(List<Long> budgets, int parallelism) {
        CountDownLatch fiveStarted = new CountDownLatch(1);
        return Sweep.over("budget", budgets, (Long n) -> {
            try {
                return failingAtSeven(n, fiveStarted);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }).parallelism(parallelism).ensembles(false) // experiments made by the workers, so the latch marks 5 under way
                .listener(RunListeners.silent());
    }

    @Test
    void aFailingRunNamesItsPointAndTheFinishedRunsSurvive() {
        var e = assertThrows(IllegalStateException.class, () -> failingAtSeven(List.of(5L, 7L, 10L), 1).run());
        assertEquals("sweep over 'budget': the run of budget = 7 (point 2 of 3) failed: "
                + "java.lang.IllegalArgumentException: no budget of 7 here; the finished run of 5 is kept "
                + "in this exception's finished(); not run: 10", e.getMessage());
        assertEquals("no budget of 7 here", e.getCause().getMessage());
        SweepFailure failure = (SweepFailure) e;
        assertEquals(List.of("7"), failure.failedValues());
        assertEquals(List.of(5L), failure.finished().points());
        assertEquals(5, failure.finished().histories().get(5L).last("step"));

        // in parallel, the run under way when another fails is finished and kept
        failure = assertThrows(SweepFailure.class, () -> failingAtSeven(List.of(5L, 7L), 2).run());
        assertEquals("sweep over 'budget': the run of budget = 7 (point 2 of 2) failed: "
                + "java.lang.IllegalArgumentException: no budget of 7 here; the finished run of 5 is kept "
                + "in this exception's finished()", failure.getMessage());
        assertEquals(5, failure.finished().histories().get(5L).last("step"));
    }

    @Test
    void damagedSavedRunsAndADirectoryThatIsAFileAreNamed(@TempDir Path dir) throws Exception {
        Sweep<Long> sweep = Sweep.over("seed", List.of(1L, 2L), SweepTest::noisy).saveTo(dir, 10)
                .listener(RunListeners.silent());
        sweep.run();
        Path properties = dir.resolve("1").resolve("run.properties");
        Files.write(properties, new byte[] {0x00, (byte) 0xff, 0x13, 0x37});
        var e = assertThrows(SweepFailure.class, sweep::run);
        assertTrue(e.getMessage().startsWith("sweep over 'seed': the run of seed = 1 (point 1 of 2) failed: "),
                e.getMessage());
        assertTrue(e.getCause().getMessage().startsWith(properties + " is damaged: it is not UTF-8 text"),
                e.getCause().getMessage());
        assertTrue(e.getMessage().endsWith("; no run finished; not run: 2"), e.getMessage());
        assertEquals(List.of(), e.finished().points());

        Files.writeString(properties, "hello world\n");
        e = assertThrows(SweepFailure.class, sweep::run);
        assertEquals(properties + " is damaged: it names no value; delete the folder " + properties.getParent()
                + " to redo this run", e.getCause().getMessage());

        Files.writeString(properties, "value=1\nname=x\nsteps=thirty\nseconds=1.0\n");
        e = assertThrows(SweepFailure.class, sweep::run);
        assertEquals(properties + " is damaged: steps 'thirty' is not a whole number; delete the folder "
                + properties.getParent() + " to redo this run", e.getCause().getMessage());

        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        var refused = assertThrows(IllegalArgumentException.class, () -> sweep.saveTo(file, 10));
        assertEquals("saveTo: " + file + " is a file, not a directory", refused.getMessage());
    }

    @Test
    void nullValuesAndNullExperimentsAreNamed() {
        var npe = assertThrows(NullPointerException.class, () -> Sweep.over("x", null, v -> null));
        assertEquals("values", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> Sweep.over("x", Arrays.asList(1, null), v -> null));
        assertEquals("sweep over 'x': the value of point 2 is null", npe.getMessage());
        var e = assertThrows(SweepFailure.class,
                () -> Sweep.over("x", List.of(1), v -> null).listener(RunListeners.silent()).run());
        assertEquals("the experiments function returned null for x = 1", e.getCause().getMessage());
    }
}

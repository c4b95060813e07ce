package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Sweep.Result result = Sweep.over("budget", List.of(5L, 10L), (Long n) -> Experiment.builder()
                .data(TinyTasks.blobs(40, 1)).model(Models.mlp().hidden(4))
                .optimizer(Optimizers.sgd().learningRate(0.1)).steps(n).logEvery(5).quiet().build())
                .listener(RunListeners.silent()).run();
        assertEquals(List.of("5", "10"), result.values());
        assertEquals(2, result.summary().rowCount());
        assertEquals(10, result.summary().intColumn("steps").getInt(1));
        assertEquals(3, result.histories().get("10").rowCount());
        assertEquals(result.histories().get("10").last("test_acc"),
                result.summary().doubleColumn("final_test_acc").getDouble(1));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("steps", List.of(1), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(1, 1), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(1), v -> null).parallelism(0));
    }

    @Test
    void parallelRunsGiveTheSameHistoriesAsSequentialOnes() {
        List<Long> seeds = List.of(1L, 2L, 3L, 4L);
        Sweep.Result one = Sweep.over("seed", seeds, SweepTest::noisy).listener(RunListeners.silent()).run();
        Sweep.Result two = Sweep.over("seed", seeds, SweepTest::noisy).parallelism(2)
                .listener(RunListeners.silent()).run();
        for (String seed : one.values()) {
            assertEquals(one.histories().get(seed).toString(), two.histories().get(seed).toString(), "seed " + seed);
        }
        assertFalse(one.histories().get("1").toString().equals(one.histories().get("2").toString()));
    }

    @Test
    void savedRunsAreLoadedNotRedoneAndCheckpointedOnesResume(@TempDir Path dir) throws Exception {
        List<Long> seeds = List.of(1L, 2L);
        Sweep.Result fresh = Sweep.over("seed", seeds, SweepTest::noisy).listener(RunListeners.silent()).run();

        // seed 2 was killed at step 20: only its checkpoints are on disk
        noisy(2).toBuilder().checkpoints(dir.resolve("2").resolve("checkpoints"), 10).steps(20).build().run().close();
        AtomicInteger built = new AtomicInteger();
        Sweep<Long> sweep = Sweep.over("seed", seeds, (Long s) -> {
            built.incrementAndGet();
            return noisy(s);
        }).saveTo(dir, 10).listener(RunListeners.silent());
        Sweep.Result resumed = sweep.run();
        assertEquals(2, built.get());
        for (String seed : fresh.values()) {
            assertEquals(fresh.histories().get(seed).toString(), resumed.histories().get(seed).toString(), "seed " + seed);
            assertTrue(Files.isRegularFile(dir.resolve(seed).resolve("run.properties")));
        }

        built.set(0);
        Sweep.Result again = sweep.run();
        assertEquals(0, built.get(), "finished runs must be loaded, not rebuilt");
        assertEquals(resumed.summary().toString(), again.summary().toString());
    }
}

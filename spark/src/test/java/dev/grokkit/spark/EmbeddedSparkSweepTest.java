package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.train.RunListeners;
import dev.grokkit.train.Sweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on Spark embedded with two cores, {@code local[2,2]}: local[2] with two attempts per
 * task (Spark's local mode retries a failed task only when its master says so).
 */
class EmbeddedSparkSweepTest extends SparkSweepContract {

    @BeforeAll
    static void startSpark() {
        spark = session("local[2,2]").getOrCreate();
        assertEquals("local[2,2]", spark.sparkContext().master());
    }

    @Test
    void interruptingTheCallerCancelsTheTasksAndTheRunsStopWithTheirCheckpoints(@TempDir Path dir) throws Exception {
        List<Long> seeds = List.of(1L, 2L);
        AtomicReference<Sweep.Result<Long>> result = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(SparkSweep.over("seed", seeds, TinyRuns.plain(200_000)).saveTo(dir.toUri().toString(), 200)
                    .listener(RunListeners.silent()).run(spark));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        await("both runs uploaded a checkpoint", () -> checkpoints(dir).stream().map(c -> c.charAt(0)).distinct().count() == 2);
        caller.interrupt();
        caller.join(TimeUnit.MINUTES.toMillis(2));
        assertFalse(caller.isAlive(), "run() returned");
        assertTrue(interruptKept.get(), "the caller's interrupt is kept");
        assertEquals(List.of(), result.get().points(), "no run finished");
        await("the job ended", () -> spark.sparkContext().statusTracker().getActiveJobIds().length == 0);
        Thread.sleep(3000); // a run still training would write a checkpoint every 200 steps, several a second
        List<String> stopped = checkpoints(dir);
        Thread.sleep(3000);
        assertEquals(stopped, checkpoints(dir), "the runs stopped");
        assertTrue(Files.exists(dir.resolve("1").resolve("checkpoints")) && Files.exists(dir.resolve("2").resolve("checkpoints")));
    }

    private static List<String> checkpoints(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).filter(p -> p.matches(".*checkpoints/step-\\d+"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 2 minutes for: " + what);
            }
            Thread.sleep(100);
        }
    }
}

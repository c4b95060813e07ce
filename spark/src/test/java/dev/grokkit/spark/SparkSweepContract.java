package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.train.History;
import dev.grokkit.train.RunListener;
import dev.grokkit.train.RunListeners;
import dev.grokkit.train.Sweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Spark sweep must do on any master: the local sweep's histories bit for bit, a failed
 * task retried by Spark resuming from its checkpoint, a rerun loading finished runs, and a
 * directory a local sweep can read. Subclasses start the session: embedded, or a standalone
 * cluster on this machine.
 */
abstract class SparkSweepContract {

    static final List<Long> SEEDS = List.of(1L, 2L, 3L);
    static SparkSession spark;

    /**
     * A session on {@code master} whose driver stays on the loopback interface, with no web UI; a
     * session left running by another test class is stopped first (getOrCreate would return it).
     */
    static SparkSession.Builder session(String master) {
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        return SparkSession.builder().master(master).appName("grokkit spark tests").config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    private static Sweep.Result<Long> local(long steps) {
        // every point alone, as a Spark task trains it (the local sweep would stack the seeds into one
        // ensemble, equal to the lone runs only to float round-off)
        return Sweep.over("seed", SEEDS, TinyRuns.plain(steps)).ensembles(false).listener(RunListeners.silent()).run();
    }

    @Test
    void sparkHistoriesEqualTheLocalSweepsBitForBit() {
        Sweep.Result<Long> local = local(40);
        List<Double> heard = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void logged(long done, Map<String, Double> row) {
                heard.add(row.get("final_test_acc"));
            }
        };
        Sweep.Result<Long> onSpark = SparkSweep.over("seed", SEEDS, TinyRuns.plain(40)).listener(listener).run(spark);
        assertEquals(SEEDS, onSpark.points());
        assertEquals(SEEDS.size(), heard.size(), "the listener heard of each finished run");
        for (Long seed : SEEDS) {
            assertTrue(heard.contains(onSpark.history(seed).last("test_acc")), heard + " lacks seed " + seed);
        }
        for (Long seed : SEEDS) {
            assertBitEqual(local.history(seed), onSpark.history(seed), "seed " + seed);
        }
        assertFalse(Histories.bitEqual(onSpark.history(1L), onSpark.history(2L)), "seeds 1 and 2 differ");
        assertEquals(local.summary().columnNames(), onSpark.summary().columnNames());
        assertEquals(local.summary().removeColumns("seconds").toString(),
                onSpark.summary().removeColumns("seconds").toString());
    }

    @Test
    void aTaskThatFailsIsRetriedAndResumesFromItsCheckpoint(@TempDir Path dir) throws IOException {
        Path faults = Files.createDirectories(dir.resolve("faults"));
        // seed 2 throws once at its row of step 25; its newest checkpoint then is step 20
        TinyRuns faulty = new TinyRuns(40, faults.toString(), 2, 23, false);
        Sweep.Result<Long> resumed = SparkSweep.over("seed", SEEDS, faulty)
                .saveTo(dir.resolve("sweep").toUri().toString(), 10).run(spark);
        assertTrue(Files.exists(faults.resolve("fault-2")), "the fault was injected");
        // a resumed run first checks its stop rules on the checkpoint's last row: step 20, not 0
        assertEquals(List.of("0", "20"), Files.readAllLines(faults.resolve("attempts-2.txt")),
                "the first attempt started at step 0, Spark's retry resumed from the checkpoint of step 20");
        assertEquals(List.of("0"), Files.readAllLines(faults.resolve("attempts-1.txt")));
        Sweep.Result<Long> uninterrupted = local(40);
        for (Long seed : SEEDS) {
            assertBitEqual(uninterrupted.history(seed), resumed.history(seed), "seed " + seed);
        }
    }

    @Test
    void aTaskFailingEveryAttemptFailsTheSweepAndARerunLoadsTheOthersAndResumesIt(@TempDir Path dir)
            throws IOException {
        Path faults = Files.createDirectories(dir.resolve("faults"));
        String sweep = dir.resolve("sweep").toUri().toString();
        TinyRuns broken = new TinyRuns(40, faults.toString(), 2, 23, true);
        var e = assertThrows(IllegalStateException.class,
                () -> SparkSweep.over("seed", SEEDS, broken).saveTo(sweep, 10).run(spark));
        assertTrue(e.getMessage().startsWith("sweep over 'seed' failed on Spark"), e.getMessage());
        assertTrue(e.getMessage().contains("injected fault at step 25"), e.getMessage());
        List<String> attempts = Files.readAllLines(faults.resolve("attempts-2.txt"));
        assertTrue(attempts.size() >= 2 && attempts.get(0).equals("0")
                && attempts.subList(1, attempts.size()).stream().allMatch("20"::equals),
                "every retry resumed from step 20: " + attempts);

        TinyRuns fixed = new TinyRuns(40, faults.toString(), -1, -1, false);
        Sweep.Result<Long> rerun = SparkSweep.over("seed", SEEDS, fixed).saveTo(sweep, 10).run(spark);
        assertEquals(List.of("0"), Files.readAllLines(faults.resolve("attempts-1.txt")), "seed 1 was loaded");
        assertEquals(List.of("0"), Files.readAllLines(faults.resolve("attempts-3.txt")), "seed 3 was loaded");
        assertEquals(attempts.size() + 1, Files.readAllLines(faults.resolve("attempts-2.txt")).size());
        Sweep.Result<Long> uninterrupted = local(40);
        for (Long seed : SEEDS) {
            assertBitEqual(uninterrupted.history(seed), rerun.history(seed), "seed " + seed);
        }
    }

    @Test
    void aRerunOnTheSameDirectoryLoadsTheFinishedRuns(@TempDir Path dir) throws IOException {
        String sweep = dir.resolve("sweep").toUri().toString();
        Sweep.Result<Long> first = SparkSweep.over("seed", SEEDS, TinyRuns.plain(40)).saveTo(sweep, 10).run(spark);
        // any training step of the rerun would throw: it must load every run
        Path faults = Files.createDirectories(dir.resolve("faults"));
        for (long seed : SEEDS) {
            TinyRuns failing = new TinyRuns(40, faults.toString(), seed, 0, true);
            Sweep.Result<Long> again = SparkSweep.over("seed", SEEDS, failing).saveTo(sweep, 10).run(spark);
            for (Long s : SEEDS) {
                assertBitEqual(first.history(s), again.history(s), "seed " + s);
            }
            assertEquals(first.summary().toString(), again.summary().toString(), "seconds as saved, too");
        }
        try (Stream<Path> files = Files.list(faults)) {
            assertEquals(List.of(), files.toList(), "no run of the reruns recorded a row");
        }
    }

    @Test
    void theDirectoryIsALocalSweepsDirectory(@TempDir Path dir) throws IOException {
        Sweep.Result<Long> onSpark = SparkSweep.over("seed", SEEDS, TinyRuns.plain(30))
                .saveTo(dir.toUri().toString(), 10).run(spark);
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertTrue(names.containsAll(List.of("1/run.properties", "1/history.csv",
                    "1/checkpoints/step-000000020/manifest.txt", "1/checkpoints/step-000000030/manifest.txt")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".crc") || n.contains("tmp") || n.contains("step-000000010")),
                    "no Hadoop checksum files, temporaries or checkpoints the run deleted: " + names);
        }
        TinyRuns failing = new TinyRuns(30, dir.toString(), 1, 0, true);
        Sweep.Result<Long> loaded = Sweep.over("seed", SEEDS, failing).saveTo(dir, 10)
                .listener(RunListeners.silent()).run();
        for (Long seed : SEEDS) {
            assertBitEqual(onSpark.history(seed), loaded.history(seed), "seed " + seed);
        }
        // and a longer budget resumes from the Spark sweep's checkpoints, as a local sweep's
        Sweep.Result<Long> longer = SparkSweep.over("seed", SEEDS, TinyRuns.plain(40))
                .saveTo(dir.toUri().toString(), 10).run(spark);
        Sweep.Result<Long> fresh = local(40);
        for (Long seed : SEEDS) {
            assertBitEqual(fresh.history(seed), longer.history(seed), "seed " + seed);
        }
    }

    private static void assertBitEqual(History expected, History actual, String what) {
        assertEquals(expected.columnNames(), actual.columnNames(), what);
        assertArrayEquals(expected.steps(), actual.steps(), what);
        assertTrue(Histories.bitEqual(expected, actual), what + ": histories differ\n" + expected + "\n" + actual);
    }
}

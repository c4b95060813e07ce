package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep trains the points that differ only in seed or split as one ensemble (by default) and every point's
 * history is the one it records alone: in float64 to 1e-10 relative, far below what any coupling
 * between members would show; in float32 to float round-off.
 */
class SweepEnsembleTest {

    private static final List<Long> SEEDS = List.of(0L, 1L, 2L);

    /** x+y mod 11 on the seed's own 40% of the pairs, an embedding MLP, AdamW, stopping at train accuracy 1. */
    private static Experiment.Builder modAdd(long seed, String precision) {
        return Experiment.builder().name("modadd seed " + seed).data(TinyTasks.modularAddition(11, 0.4, seed))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(16))
                .optimizer(Optimizers.adamW().learningRate(1e-2).weightDecay(1.0).betas(0.9, 0.98)).steps(60)
                .seed(seed).precision(precision).logEvery(10).fullBatch().probes(Probes.weightNorm()).quiet();
    }

    @Test
    void aSweepOverSeedsTrainsThemAsOneEnsembleWithTheirLoneHistories() {
        for (String precision : List.of("float64", "float32")) {
            double tolerance = precision.equals("float64") ? 1e-10 : 1e-4;
            Sweep<Long> sweep = Sweep.over("seed", SEEDS, (Long s) -> modAdd(s, precision).build())
                    .listener(RunListeners.silent());
            assertEquals(List.of(SEEDS), sweep.groups());
            assertEquals(List.of(List.of(0L), List.of(1L), List.of(2L)), sweep.ensembles(false).groups());
            assertClose(sweep.ensembles(false).run(), sweep.run(), tolerance);
        }
    }

    @Test
    void aMixedSweepGroupsOnlyPointsThatDifferInSeedOrSplit() {
        // "a" and "b" points differ in their step budgets, "mini" trains minibatches, "mlp" another model
        List<String> points = List.of("a0", "b0", "a1", "mini0", "b1", "a2", "mlp0", "mini1");
        Sweep<String> sweep = Sweep.over("run", points, (String p) -> {
            long seed = p.charAt(p.length() - 1) - '0';
            Experiment.Builder b = modAdd(seed, "float64");
            if (p.startsWith("b")) {
                b.steps(40);
            } else if (p.startsWith("mini")) {
                b.batchSize(16);
            } else if (p.startsWith("mlp")) {
                b.model(Models.embeddingMlp().embeddingDim(8).hidden(12));
            }
            return b.build();
        }).listener(RunListeners.silent());
        assertEquals(List.of(List.of("a0", "a1", "a2"), List.of("b0", "b1"), List.of("mini0"), List.of("mlp0"),
                List.of("mini1")), sweep.groups());
        Sweep.Result<String> together = sweep.run();
        assertEquals(points, together.points());
        assertEquals(points, List.of(together.summary().stringColumn("run").asObjectArray()));
        assertClose(sweep.ensembles(false).run(), together, 1e-10);
    }

    @Test
    void aSavedSweepTrainsItsSeedsAsOneEnsembleWithEachPointsCheckpoints(@TempDir Path dir) throws IOException {
        Sweep<Long> sweep = Sweep.over("seed", SEEDS, (Long s) -> modAdd(s, "float64").build())
                .listener(RunListeners.silent());
        Sweep<Long> saved = sweep.saveTo(dir, 20);
        assertEquals(List.of(SEEDS), saved.groups());
        Sweep.Result<Long> together = saved.run();
        for (long seed : SEEDS) {
            assertTrue(Files.isDirectory(dir.resolve(Long.toString(seed)).resolve(SweepFolders.CHECKPOINTS)),
                    "seed " + seed + " has no checkpoints");
        }
        assertClose(sweep.ensembles(false).run(), together, 1e-10);
        assertClose(together, saved.run(), 0); // loaded

        // seed 1 as if killed after its checkpoint at step 40: the others are loaded, it resumes
        Path seed1 = dir.resolve("1");
        Files.delete(seed1.resolve(SweepFolders.RUN));
        deleteTree(seed1.resolve(SweepFolders.CHECKPOINTS).resolve("step-000000060"));
        String seed0 = Files.readString(dir.resolve("0").resolve(SweepFolders.RUN));
        assertClose(together, saved.run(), 0);
        assertEquals(seed0, Files.readString(dir.resolve("0").resolve(SweepFolders.RUN)), "seed 0 is loaded, not redone");
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The same points, columns and steps; every value within {@code tolerance} relative. */
    private static <T> void assertClose(Sweep.Result<T> expected, Sweep.Result<T> actual, double tolerance) {
        assertEquals(expected.points(), actual.points());
        for (T point : expected.points()) {
            History e = expected.history(point);
            History a = actual.history(point);
            assertEquals(e.columnNames(), a.columnNames());
            assertArrayEquals(e.steps(), a.steps(), point + ": steps");
            for (String column : e.valueColumnNames()) {
                double[] ev = e.values(column);
                double[] av = a.values(column);
                for (int i = 0; i < ev.length; i++) {
                    double scale = Math.max(Math.abs(ev[i]), Math.abs(av[i]));
                    assertTrue(Math.abs(ev[i] - av[i]) <= tolerance * scale, point + ": " + column + " at step "
                            + e.steps()[i] + " alone " + ev[i] + ", in the ensemble " + av[i]);
                }
            }
        }
    }
}

package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.History;
import dev.grokkit.train.Run;
import dev.grokkit.train.Stop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble writes each member's checkpoints in the lone-run format, and an ensemble cut short
 * and resumed ends, member by member, bit for bit where the uninterrupted ensemble ends (float64);
 * members whose latest checkpoints are at different steps, or that had already ended, resume
 * each from its own.
 */
class EnsembleCheckpointTest {

    private static final List<Long> SEEDS = EnsembleTest.SEEDS;

    /** Seed 2 stops at step 10; every member checkpoints every 20 steps into dir/seed. */
    private static Experiment member(long seed, Path dir) {
        Experiment.Builder b = EnsembleTest.modAdd(seed,
                Optimizers.adamW().learningRate(1e-2).weightDecay(1.0).betas(0.9, 0.98))
                .probes(Probes.weightNorm()).checkpoints(dir.resolve(Long.toString(seed)), 20);
        if (seed == 2) {
            b.stopWhen(Stop.when("step", s -> s >= 10, "step >= 10"));
        }
        return b.build();
    }

    /** The member experiment with a stop rule that interrupts the training thread at step 30 (stop rules are not part of a checkpoint's identity). */
    private static Experiment interruptedAt30(long seed, Path dir) {
        Experiment e = member(seed, dir);
        return e.toBuilder().stopWhen(row -> {
            if (row.get("step") == 30) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }).build();
    }

    @Test
    void aResumedEnsembleEndsBitForBitAsTheUninterruptedOne(@TempDir Path dir) throws IOException {
        List<Run> whole = Ensemble.of(SEEDS, (Long s) -> member(s, dir.resolve("whole"))).run();
        Path cut = dir.resolve("cut");
        List<Run> first = Ensemble.of(SEEDS, (Long s) -> interruptedAt30(s, cut)).run();
        first.forEach(Run::close);
        assertEquals(List.of("interrupted at step 30", "interrupted at step 30", "step >= 10 at step 10"),
                first.stream().map(Run::stopReason).toList());
        assertEquals(List.of(20L, 30L), checkpointSteps(cut.resolve("0")), "the checkpoint due and the last");
        assertEquals(List.of(0L, 10L), checkpointSteps(cut.resolve("2")), "seed 2 ended at step 10");
        deleteTree(cut.resolve("0").resolve("step-000000030")); // seed 0 as if killed between 20 and 30
        List<Run> resumed = Ensemble.of(SEEDS, (Long s) -> member(s, cut)).runOrResume();
        try {
            for (int k = 0; k < SEEDS.size(); k++) {
                assertEquals(whole.get(k).stopReason(), resumed.get(k).stopReason());
                assertEquals(whole.get(k).steps(), resumed.get(k).steps());
                assertBitForBit(whole.get(k).history(), resumed.get(k).history());
                for (var p : whole.get(k).model().trainableParameters()) {
                    assertArrayEquals(p.array().toDoubleArray(),
                            resumed.get(k).model().parameter(p.name()).array().toDoubleArray(), 0.0, p.name());
                }
            }
        } finally {
            whole.forEach(Run::close);
            resumed.forEach(Run::close);
        }
    }

    @Test
    void aLoneRunResumesAMembersCheckpointAsItsOwn(@TempDir Path dir) throws IOException {
        Ensemble.of(SEEDS, (Long s) -> interruptedAt30(s, dir.resolve("cut"))).run().forEach(Run::close);
        try (Run alone = member(1, dir.resolve("alone")).run();
                Run resumed = member(1, dir.resolve("cut")).runOrResume()) {
            assertEquals(alone.stopReason(), resumed.stopReason());
            EnsembleTest.assertClose(alone.history(), resumed.history());
        }
    }

    @Test
    void runOrResumeNeedsEveryMembersCheckpointDirectory(@TempDir Path dir) {
        Ensemble ensemble = Ensemble.of(List.of(member(0, dir),
                EnsembleTest.modAdd(1, Optimizers.adamW().learningRate(1e-2).weightDecay(1.0).betas(0.9, 0.98))
                        .probes(Probes.weightNorm()).build()));
        IllegalStateException e = assertThrows(IllegalStateException.class, ensemble::runOrResume);
        assertTrue(e.getMessage().contains("seed 1"), e.getMessage());
    }

    private static void assertBitForBit(History expected, History actual) {
        assertArrayEquals(expected.steps(), actual.steps());
        for (String column : expected.valueColumnNames()) {
            assertArrayEquals(expected.values(column), actual.values(column), 0.0, column);
        }
    }

    private static List<Long> checkpointSteps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("step-\\d+"))
                    .map(n -> Long.parseLong(n.substring(5))).sorted().toList();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

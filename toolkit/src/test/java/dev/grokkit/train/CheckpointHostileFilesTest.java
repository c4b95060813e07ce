package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of a checkpoint folder, damaged in every way (missing, empty, truncated, garbage,
 * extended, and with a manifest forged to match: huge declared lengths, flipped header bytes):
 * resuming refuses it with a message naming the file, and the directory is left as it was.
 */
class CheckpointHostileFilesTest {

    private static final List<String> FILES = List.of("model.params", "optimizer.ndlist", "history.csv",
            "checkpoint.properties", CheckpointManifest.FILE);

    private static Experiment.Builder experiment(Path dir) {
        return Experiment.builder().data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(16))
                .optimizer(Optimizers.adamW().learningRate(1e-2)).steps(10).logEvery(5).seed(3)
                .checkpoints(dir, 10).quiet();
    }

    /** Ways to damage a file's bytes; null deletes the file. */
    private static Map<String, UnaryOperator<byte[]>> damages() {
        Map<String, UnaryOperator<byte[]>> d = new java.util.LinkedHashMap<>();
        d.put("deleted", b -> null);
        d.put("empty", b -> new byte[0]);
        d.put("truncated", b -> Arrays.copyOf(b, b.length / 2));
        d.put("one byte short", b -> Arrays.copyOf(b, b.length - 1));
        d.put("garbage", b -> fill(b.length, (byte) 0x5a));
        d.put("extended", b -> Arrays.copyOf(b, b.length + 100));
        d.put("a flipped byte", b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 0x40;
            return c;
        });
        return d;
    }

    /** Damages that a forged manifest matches, so only the readers themselves can refuse them. */
    private static Map<String, UnaryOperator<byte[]>> forgedDamages() {
        Map<String, UnaryOperator<byte[]>> d = new java.util.LinkedHashMap<>();
        d.put("huge lengths (0x7f)", b -> fill(b.length, (byte) 0x7f));
        d.put("negative lengths (0xff)", b -> fill(b.length, (byte) 0xff));
        d.put("truncated", b -> Arrays.copyOf(b, b.length / 2));
        d.put("empty", b -> new byte[0]);
        return d;
    }

    /**
     * 0x7f7f7f7f written at a byte offset under a forged manifest: a huge length where the format
     * has one, or a changed value (a weight, a comment) that leaves a valid checkpoint.
     */
    private static Map<String, UnaryOperator<byte[]>> forgedFuzz() {
        Map<String, UnaryOperator<byte[]>> d = new java.util.LinkedHashMap<>();
        for (int offset = 0; offset < 64; offset += 4) {
            int at = offset;
            d.put("0x7f7f7f7f at byte " + offset, b -> {
                byte[] c = b.clone();
                for (int i = at; i < Math.min(c.length, at + 4); i++) {
                    c[i] = 0x7f;
                }
                return c;
            });
        }
        return d;
    }

    private static byte[] fill(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }

    @TestFactory
    Stream<DynamicTest> damagedFilesAreRefusedNamingTheFile() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            damages().forEach((how, damage) -> tests.add(dynamicTest(file + " " + how,
                    () -> assertRefused(file, damage, false))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> damagedFilesWithAForgedManifestAreRefusedNamingTheFile() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES.subList(0, 4)) {
            forgedDamages().forEach((how, damage) -> tests.add(dynamicTest(file + " " + how,
                    () -> assertRefused(file, damage, true))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> fuzzedFilesWithAForgedManifestResumeOrAreRefusedClearly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES.subList(0, 4)) {
            forgedFuzz().forEach((how, damage) -> tests.add(dynamicTest(file + " " + how, () -> {
                Path dir = damaged(file, damage, true);
                try (Run run = experiment(dir).steps(20).build().resume()) {
                    assertEquals(20, run.steps(), "a changed value that keeps the format resumes");
                } catch (IllegalStateException | IllegalArgumentException e) {
                    assertTrue(e.getMessage().contains(dir.resolve("step-000000010").toString()),
                            "a refusal names the checkpoint: " + e.getMessage());
                } finally {
                    deleteTree(dir);
                }
            })));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void strayEntriesAreRefusedNamingThem() throws IOException {
        Path dir = damaged("history.csv", b -> b, false);
        try {
            Path stray = Files.writeString(dir.resolve("step-000000010").resolve("notes.txt"), "mine");
            assertNamed(dir, stray);
            Files.delete(stray);
            Path fileAsCheckpoint = Files.writeString(dir.resolve("step-000000020"), "not a folder");
            assertNamed(dir, fileAsCheckpoint);
            Files.delete(fileAsCheckpoint);
            Path fileAsDirectory = Files.writeString(dir.resolveSibling(dir.getFileName() + "-file"), "x");
            try {
                RuntimeException e = assertThrows(RuntimeException.class,
                        () -> experiment(fileAsDirectory).build().runOrResume());
                assertTrue(e.getMessage().contains(fileAsDirectory.toString()), e.getMessage());
            } finally {
                Files.delete(fileAsDirectory);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void assertNamed(Path dir, Path culprit) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> experiment(dir).steps(20).build().resume());
        assertTrue(e.getMessage().contains(culprit.toString()), "names " + culprit + ": " + e.getMessage());
    }

    private static void assertRefused(String file, UnaryOperator<byte[]> damage, boolean forgeManifest)
            throws IOException {
        Path dir = damaged(file, damage, forgeManifest);
        try {
            Path checkpoint = dir.resolve("step-000000010");
            List<String> before = contents(dir);
            Experiment longer = experiment(dir).steps(20).build();
            for (Runnable resume : List.<Runnable>of(longer::resume, longer::runOrResume)) {
                RuntimeException e = assertThrows(RuntimeException.class, resume::run);
                assertTrue(e instanceof IllegalStateException || e instanceof IllegalArgumentException
                        || e instanceof java.io.UncheckedIOException, "a clear exception, not " + e);
                assertTrue(e.getMessage().contains(checkpoint.resolve(file).toString()),
                        "names " + checkpoint.resolve(file) + ": " + e.getMessage());
            }
            assertEquals(before, contents(dir), "a refused resume changes nothing");
        } finally {
            deleteTree(dir);
        }
    }

    /** A fresh directory with a 10-step run's checkpoints, the newest one's {@code file} damaged. */
    private static Path damaged(String file, UnaryOperator<byte[]> damage, boolean forgeManifest)
            throws IOException {
        Path dir = Files.createTempDirectory("hostile-checkpoint");
        experiment(dir).build().run().close();
        Path checkpoint = dir.resolve("step-000000010");
        Path target = checkpoint.resolve(file);
        byte[] damaged = damage.apply(Files.readAllBytes(target));
        if (damaged == null) {
            Files.delete(target);
        } else {
            Files.write(target, damaged);
        }
        if (forgeManifest) {
            CheckpointManifest.write(checkpoint);
        }
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}

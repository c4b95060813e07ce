package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming from a checkpoint of another model, or from a damaged checkpoint, fails with a message
 * naming the checkpoint and the problem, and leaves the checkpoint directory as it was.
 */
class CheckpointBadInputTest {

    @TempDir
    Path dir;

    private Path checkpoint;

    private static Experiment.Builder experiment(int hidden) {
        return Experiment.builder().data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(hidden))
                .optimizer(Optimizers.adamW().learningRate(1e-2)).steps(10).logEvery(5).seed(3).quiet();
    }

    @BeforeEach
    void saveOne() {
        try (Run run = experiment(32).checkpoints(dir, 10).build().run()) {
            assertEquals(10, run.steps());
        }
        checkpoint = Checkpoint.latest(dir).orElseThrow().dir();
    }

    private List<String> contents() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? ":" + size(p) : "")).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void checkpointOfAnotherModelIsRefusedNamingBothModels() throws IOException {
        List<String> before = contents();
        Experiment other = experiment(16).steps(20).checkpoints(dir, 10).build();
        for (Runnable resume : List.<Runnable>of(other::resume, other::runOrResume)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, resume::run);
            assertTrue(e.getMessage().startsWith("checkpoint " + checkpoint + " belongs to another experiment"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("hidden [32]") && e.getMessage().contains("hidden [16]"), e.getMessage());
        }
        assertEquals(before, contents(), "a refused resume writes nothing");
    }

    @Test
    void truncatedModelParametersAreNamed() throws IOException {
        Path params = checkpoint.resolve("model.params");
        String message = resumeAfterTruncating(params);
        assertTrue(message.contains(params.toString()), message);
    }

    @Test
    void corruptedOptimizerStateIsNamed() throws IOException {
        String message = resumeAfterTruncating(checkpoint.resolve("optimizer.ndlist"));
        assertTrue(message.contains(checkpoint.toString()), message);
    }

    /** Cuts a checkpoint file to half its length and returns the message of the refused resume. */
    private String resumeAfterTruncating(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        return assertThrows(RuntimeException.class,
                () -> experiment(32).steps(20).checkpoints(dir, 10).build().resume()).getMessage();
    }

    @Test
    void aCheckpointWithoutItsOptimizerStateIsRefusedNamingTheFile() throws IOException {
        Path state = checkpoint.resolve("optimizer.ndlist");
        Files.delete(state);
        List<String> before = contents();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> experiment(32).steps(20).checkpoints(dir, 10).build().resume());
        assertTrue(e.getMessage().contains(state.toString()), e.getMessage());
        assertEquals(before, contents(), "a refused resume writes nothing");
    }

    @Test
    void damagedPropertiesAreNamed() throws IOException {
        Path props = checkpoint.resolve("checkpoint.properties");
        String text = Files.readString(props).replaceAll("(?m)^step=.*$", "step=ten");
        Files.writeString(props, text);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Checkpoint.latest(dir));
        assertTrue(e.getMessage().startsWith("checkpoint " + checkpoint + " is damaged: " + props), e.getMessage());
        CheckpointManifest.write(checkpoint); // as if the checkpoint had been written so: the reader refuses the step
        e = assertThrows(IllegalStateException.class, () -> Checkpoint.latest(dir));
        assertTrue(e.getMessage().startsWith("checkpoint " + checkpoint + " is damaged: " + props), e.getMessage());
        assertTrue(e.getMessage().contains("step='ten'"), e.getMessage());
    }

    @Test
    void missingHistoryIsNamed() throws IOException {
        Files.delete(checkpoint.resolve("history.csv"));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> experiment(32).steps(20).checkpoints(dir, 10).build().resume());
        assertTrue(e.getMessage().contains(checkpoint.resolve("history.csv").toString()), e.getMessage());
    }
}

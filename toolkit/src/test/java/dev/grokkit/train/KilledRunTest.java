package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single long run killed with SIGKILL in another JVM between checkpoints: {@code runOrResume()}
 * again continues from its last checkpoint and ends with the history of a run that was never
 * killed, bit for bit (AdamW state, minibatch order and probes included).
 */
class KilledRunTest {

    static final long STEPS = 2000;

    static Experiment.Builder experiment() {
        return Experiment.builder().data(TinyTasks.modularAddition(11, 0.5, 3))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.adamW().learningRate(1e-2).weightDecay(0.5)).batchSize(20).steps(STEPS)
                .seed(3).logEvery(100).probes(Probes.weightNorm(), Probes.gradientNorm()).quiet();
    }

    /** The child: trains with checkpoints in the directory given as the argument until it is killed. */
    public static void main(String[] args) {
        experiment().checkpoints(Path.of(args[0]), 50).build().runOrResume().close();
    }

    @Test
    void resumesFromItsLastCheckpointAfterSigkill(@TempDir Path dir) throws Exception {
        ChildJvm.killWhen(KilledRunTest.class, dir, () -> ChildJvm.newestCheckpointStep(dir) >= 150);
        long killedAt = Checkpoint.latest(dir).orElseThrow().step();
        assertTrue(killedAt < STEPS, "killed too late: the run had finished");

        try (Run resumed = experiment().checkpoints(dir, 50).build().runOrResume();
                Run uninterrupted = experiment().build().run()) {
            assertEquals(STEPS, resumed.steps());
            Histories.assertBitIdentical(uninterrupted.history(), resumed.history());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(CheckpointDirectory.LOCK_FILE, "step-000001950", "step-000002000"), left,
                    "the lock file and the two newest checkpoints, no half-written one");
        }
        AtomicInteger rows = new AtomicInteger();
        RunListener counting = new RunListener() {
            @Override
            public void logged(long step, Map<String, Double> row) {
                rows.incrementAndGet();
            }
        };
        try (Run again = experiment().checkpoints(dir, 50).listener(() -> counting).build().runOrResume()) {
            assertEquals(STEPS, again.steps());
            assertEquals(0, rows.get(), "a finished run is loaded, not redone");
            assertEquals(STEPS / 100 + 1, again.history().rowCount());
        }
    }
}

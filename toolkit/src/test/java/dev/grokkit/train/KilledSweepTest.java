package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL in another JVM, after its first run finished and while its second
 * was between checkpoints: run again, it loads the first, resumes the second from its last
 * checkpoint, and ends with the histories of a sweep that was never killed.
 */
class KilledSweepTest {

    static final List<Long> SEEDS = List.of(1L, 2L);

    static Experiment experiment(long seed) {
        return Experiment.builder().data(TinyTasks.modularAddition(11, 0.5, seed))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.adamW().learningRate(1e-2).weightDecay(0.5)).steps(1500).seed(seed)
                .logEvery(100).quiet().build();
    }

    static Sweep<Long> sweep(Path dir) {
        // every point alone: one finishes while the other is between checkpoints (KilledEnsembleSweepTest kills an ensemble)
        return Sweep.over("seed", SEEDS, KilledSweepTest::experiment).ensembles(false).saveTo(dir, 50)
                .listener(RunListeners.silent());
    }

    /** The child: runs the sweep into the directory given as the argument until it is killed. */
    public static void main(String[] args) {
        sweep(Path.of(args[0])).run();
    }

    @Test
    void resumesAfterSigkillWithoutRedoingFinishedRuns(@TempDir Path dir) throws Exception {
        Path secondCheckpoints = dir.resolve("2").resolve("checkpoints");
        ChildJvm.killWhen(KilledSweepTest.class, dir, () -> Files.isRegularFile(dir.resolve("1").resolve("run.properties"))
                && ChildJvm.newestCheckpointStep(secondCheckpoints) >= 100);
        assertTrue(!Files.exists(dir.resolve("2").resolve("run.properties")), "killed too late: run 2 had finished");

        String firstRun = Files.readString(dir.resolve("1").resolve("run.properties"));
        Sweep.Result<Long> resumed = sweep(dir).run();
        assertEquals(firstRun, Files.readString(dir.resolve("1").resolve("run.properties")),
                "the finished run must be loaded, not trained and saved again");
        Sweep.Result<Long> fresh = Sweep.over("seed", SEEDS, KilledSweepTest::experiment).ensembles(false)
                .listener(RunListeners.silent()).run();
        for (Long seed : fresh.points()) {
            assertEquals(fresh.history(seed).toString(), resumed.history(seed).toString(), "seed " + seed);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> halfWritten = files.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    && Files.isRegularFile(p)).toList();
            assertEquals(List.of(), halfWritten, "result files must be written by rename");
        }
    }
}

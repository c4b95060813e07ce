package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep whose seeds train as one ensemble, killed with SIGKILL in another JVM between
 * checkpoints: run again, each member resumes from its own last checkpoint, and the sweep ends
 * with the histories, bit for bit, of the same sweep never killed.
 */
class KilledEnsembleSweepTest {

    static final List<Long> SEEDS = KilledSweepTest.SEEDS;

    static Sweep<Long> sweep(Path dir) {
        return Sweep.over("seed", SEEDS, KilledSweepTest::experiment).saveTo(dir, 50).listener(RunListeners.silent());
    }

    /** The child: runs the sweep into the directory given as the argument until it is killed. */
    public static void main(String[] args) {
        sweep(Path.of(args[0])).run();
    }

    @Test
    void resumesEveryMemberAfterSigkill(@TempDir Path dir) throws Exception {
        assertEquals(List.of(SEEDS), sweep(dir).groups(), "the seeds are one ensemble");
        ChildJvm.killWhen(KilledEnsembleSweepTest.class, dir, () -> SEEDS.stream().allMatch(seed -> {
            try {
                return ChildJvm.newestCheckpointStep(dir.resolve(seed.toString()).resolve("checkpoints")) >= 100;
            } catch (java.io.IOException e) {
                return false;
            }
        }));
        for (long seed : SEEDS) {
            assertTrue(!Files.exists(dir.resolve(Long.toString(seed)).resolve("run.properties")),
                    "killed too late: seed " + seed + " had finished");
        }
        Sweep.Result<Long> resumed = sweep(dir).run();
        Sweep.Result<Long> fresh = Sweep.over("seed", SEEDS, KilledSweepTest::experiment)
                .listener(RunListeners.silent()).run();
        for (Long seed : fresh.points()) {
            assertEquals(fresh.history(seed).toString(), resumed.history(seed).toString(), "seed " + seed);
        }
    }
}

package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrokkingTimeSweepTest {

    @Test
    void theSubmittedMainWritesEveryRunsHistoryWithThePointsColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs.csv");
        GrokkingTimeSweep.main(new String[] {"--fractions", "0.5,0.7", "--seeds", "3", "--steps", "20", "--modulus",
            "5", "--dir", dir.resolve("sweep").toUri().toString(), "--checkpoint-every", "10", "--out", out.toString()});
        List<String> lines = Files.readAllLines(out);
        assertEquals("fraction,seed,step,train_loss,train_acc,test_loss,test_acc,weight_norm", lines.get(0));
        assertEquals(1 + 2 * 3, lines.size(), "steps 0, 10, 20 of two runs: " + lines);
        assertTrue(lines.get(lines.size() - 1).startsWith("0.7,3,20,"), lines.toString());
        assertTrue(Files.exists(dir.resolve("sweep").resolve("Point[fraction=0.7, seed=3]").resolve("run.properties")));
        var e = assertThrows(IllegalArgumentException.class, () -> GrokkingTimeSweep.main(new String[] {"--step", "3"}));
        assertTrue(e.getMessage().startsWith("usage: GrokkingTimeSweep"), e.getMessage());
    }
}

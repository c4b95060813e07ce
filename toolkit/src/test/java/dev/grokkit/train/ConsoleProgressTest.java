package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void withoutTerminalPrintsOneLinePerTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.started("run", 1000);
        for (long step = 0; step <= 1000; step += 10) {
            progress.logged(step, Map.of("train_acc", 0.5, "test_acc", 0.25));
        }
        progress.finished(1000, "completed");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(12, lines.length, "11 tenths (0..10) and the final line");
        assertTrue(lines[5].startsWith("run [===============               ] 500/1000 train_acc 0.500 test_acc 0.250"), lines[5]);
        assertTrue(lines[11].endsWith("completed"));
    }
}

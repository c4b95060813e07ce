package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @Test
    void csvRoundTripKeepsValuesAndMissingEntries(@TempDir Path dir) {
        History h = History.create("run", List.of("train_acc", "sharpness"));
        h.append(0, Map.of("train_acc", 0.125, "sharpness", 3.5));
        h.append(100, Map.of("train_acc", 1.0 / 3));
        Path csv = dir.resolve("sub/h.csv");
        h.save(csv);
        History back = History.load(csv);
        assertArrayEquals(new long[] {0, 100}, back.steps());
        assertArrayEquals(h.values("train_acc"), back.values("train_acc"), 0);
        assertTrue(Double.isNaN(back.values("sharpness")[1]));
        assertEquals(3.5, back.values("sharpness")[0]);
        assertEquals(1.0 / 3, back.last("train_acc"));
        assertEquals(1, back.upTo(50).rowCount());
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        History h = History.create("run", List.of("a"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.append(0, Map.of("b", 1.0)));
        assertTrue(e.getMessage().contains("'b'"));
        assertThrows(IllegalArgumentException.class, () -> h.values("nope"));
        Path notHistory = dir.resolve("x.csv");
        Files.writeString(notHistory, "a,b\n1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> History.load(notHistory));
        assertTrue(e.getMessage().contains(notHistory.toString()));
        assertThrows(IllegalArgumentException.class, () -> History.load(dir.resolve("missing.csv")));
    }

    @Test
    void damagedHistoryFilesAreNamedWithTheProblem(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertLoadFails(empty, "is empty");
        assertLoadFails(dir, "is a directory");
        Path text = Files.writeString(dir.resolve("text.csv"), "step,train_acc\n0,0.5\n10,high\n");
        assertLoadFails(text, "line 3");
        assertLoadFails(text, "'high'");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "step,train_acc,test_acc\n0,0.5,0.1\n10,0.6\n");
        assertLoadFails(ragged, "line 3 has 2 fields, expected 3");
        Path fractionalStep = Files.writeString(dir.resolve("step.csv"), "step,train_acc\n0.5,0.5\n");
        assertLoadFails(fractionalStep, "'0.5'");
    }

    @Test
    void hostileHistoryFilesAreNamedWithTheProblem(@TempDir Path dir) throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("step,train_acc\n99999999999,0.5\n", "'99999999999'");
        cases.put("step,train_acc\n0,0x1p3\n", "'0x1p3'");
        cases.put("step,train_acc\n0,1e400\n", "'1e400'");
        cases.put("step,train_acc,train_acc\n0,0.5,0.5\n", "column 'train_acc' twice");
        cases.put("step,,train_acc\n0,0.5,0.5\n", "empty column name");
        cases.put("step,train_acc\n10,0.5\n0,0.6\n", "line 3: step 0 does not follow step 10");
        cases.put("step,train_acc\n-5,0.5\n", "line 2: step '-5'");
        cases.put("step,train_acc\n0,\"0.5\"\n", "line 2: '\"0.5\"'");
        cases.put("\u0000\u0001\u0002garbage", "does not start with a 'step' column");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path csv = Files.writeString(dir.resolve("hostile" + i++ + ".csv"), c.getKey());
            assertLoadFails(csv, c.getValue());
        }
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x'});
        assertLoadFails(binary, "UTF-8");
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        History h = History.create("run", List.of("a"));
        h.append(0, Map.of("a", 1.0));
        Path full = dir.resolve("full.csv");
        Files.createSymbolicLink(dir.resolve("full.csv.tmp"), Path.of("/dev/full")); // writes fail: no space left
        Path occupied = dir.resolve("occupied.csv");
        Files.createDirectories(occupied.resolve("inside"));
        for (Path csv : List.of(full, occupied)) {
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> h.save(csv));
            assertTrue(e.getMessage().startsWith("cannot write history to " + csv), e.getMessage());
            assertTrue(Files.notExists(csv.resolveSibling(csv.getFileName() + ".tmp"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                    "no temporary file is left beside " + csv);
        }
    }

    private static void assertLoadFails(Path csv, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> History.load(csv));
        assertTrue(e.getMessage().startsWith("history file " + csv), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void logSpacedScheduleIsRoughlyGeometric() {
        LogSchedule s = LogSchedule.logSpaced(4);
        long[] expected = {0, 1, 2, 3, 6, 10, 18, 32, 56, 100, 178, 316, 562, 1000};
        int found = 0;
        for (long step = 0; step <= 1000; step++) {
            if (s.includes(step)) {
                assertEquals(expected[found++], step);
            }
        }
        assertEquals(expected.length, found);
        assertTrue(LogSchedule.first(30).or(LogSchedule.every(1000)).includes(2000));
    }
}

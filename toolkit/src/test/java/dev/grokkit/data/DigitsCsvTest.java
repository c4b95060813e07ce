package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digits CSV reader on good, truncated and corrupted files. */
class DigitsCsvTest {

    @TempDir
    Path dir;

    /** A row of 64 pixels all equal to {@code pixel}, then the label. */
    private static String row(String pixel, String label) {
        return String.join(",", Collections.nCopies(64, pixel)) + "," + label + "\n";
    }

    private Path file(String name, byte[] content) {
        return IdxFiles.write(dir.resolve(name), content);
    }

    private Path csv(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.US_ASCII));
    }

    private static String failure(Path path) {
        return assertThrows(DataFileException.class, () -> DigitsCsv.read(DataSource.file(path))).getMessage();
    }

    @Test
    void readsRowsAsScaledImages() {
        Examples e = DigitsCsv.read(DataSource.file(file("d.csv.gz",
                IdxFiles.gzip((row("16", "3") + row("0", "9")).getBytes(StandardCharsets.US_ASCII)))));
        assertArrayEquals(new int[] {3, 9}, e.labels());
        assertEquals(1f, e.features()[0]);
        assertEquals(0f, e.features()[64]);
    }

    @Test
    void corruptedRowsAreNamedByLine() {
        Path shortRow = csv("short.csv", row("1", "2") + "1,2,3\n");
        assertEquals(shortRow + ": line 2 has 3 fields, expected 65 (64 pixels and a label)", failure(shortRow));
        Path text = csv("text.csv", row("x", "2"));
        assertEquals(text + ": line 1: 'x' is not an integer in 0..16", failure(text));
        Path pixel = csv("pixel.csv", row("17", "2"));
        assertEquals(pixel + ": line 1: '17' is not an integer in 0..16", failure(pixel));
        Path label = csv("label.csv", row("1", "10"));
        assertEquals(label + ": line 1: '10' is not an integer in 0..9", failure(label));
    }

    @Test
    void missingEmptyAndTruncatedFilesAreNamed() {
        Path missing = dir.resolve("none.csv.gz");
        assertEquals(missing + ": file not found", failure(missing));
        Path empty = csv("empty.csv", "");
        assertEquals(empty + ": line 1 has 1 fields, expected 65 (64 pixels and a label)", failure(empty));
        byte[] zipped = IdxFiles.gzip((row("1", "2") + row("3", "4")).getBytes(StandardCharsets.US_ASCII));
        Path cut = file("cut.csv.gz", Arrays.copyOf(zipped, zipped.length / 2));
        assertEquals(true, failure(cut).startsWith(cut + ": gzip data is truncated or corrupt"), failure(cut));
    }
}

package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {

    @TempDir
    Path dir;

    /** Records with the given labels; pixel byte j of record r is (j + r) mod 256. */
    private static byte[] records(int... labels) {
        byte[] out = new byte[labels.length * 3073];
        for (int r = 0; r < labels.length; r++) {
            out[r * 3073] = (byte) labels[r];
            for (int j = 0; j < 3072; j++) {
                out[r * 3073 + 1 + j] = (byte) (j + r);
            }
        }
        return out;
    }

    @Test
    void recordsBecomeChannelFirstImages() {
        Path batch = IdxFiles.write(dir.resolve("data_batch_1.bin"), records(0, 3, 9));
        Examples examples = Cifar10Reader.read(batch);
        assertEquals(3, examples.size());
        assertEquals(new Shape(3, 32, 32), examples.exampleShape());
        assertArrayEquals(new int[] {0, 3, 9}, examples.labels());
        float[] x = examples.features();
        // record 2, green plane (c = 1), row 5, column 7: plane byte 1024 + 5 * 32 + 7
        int j = 1024 + 5 * 32 + 7;
        assertEquals(((j + 2) % 256) / 255f, x[2 * 3072 + j], 1e-7);
        assertEquals(255 / 255f, x[255], 1e-7); // record 0, red pixel 255
    }

    @Test
    void readsAStandardDirectoryWithTheBatchesFolder() throws IOException {
        Path batches = Files.createDirectory(dir.resolve("cifar-10-batches-bin"));
        for (int i = 1; i <= 5; i++) {
            IdxFiles.write(batches.resolve("data_batch_" + i + ".bin"), records(i, i - 1));
        }
        IdxFiles.write(batches.resolve("test_batch.bin"), IdxFiles.gzip(records(7)));
        Dataset data = ImageSets.cifar10(dir);
        assertArrayEquals(new int[] {1, 0, 2, 1, 3, 2, 4, 3, 5, 4}, data.train().labels());
        assertArrayEquals(new int[] {7}, data.test().labels());
        assertEquals(10, data.numClasses());
    }

    @Test
    void corruptFilesAreNamed() {
        Path ragged = IdxFiles.write(dir.resolve("ragged.bin"), Arrays.copyOf(records(1, 2), 2 * 3073 - 1));
        var e = assertThrows(DataFileException.class, () -> Cifar10Reader.read(ragged));
        assertTrue(e.getMessage().startsWith(
                ragged + ": size 6145 bytes is not a positive multiple of the 3073-byte"), e.getMessage());
        Path empty = IdxFiles.write(dir.resolve("empty.bin"), new byte[0]);
        e = assertThrows(DataFileException.class, () -> Cifar10Reader.read(empty));
        assertTrue(e.getMessage().startsWith(empty + ": size 0 bytes"), e.getMessage());
        Path badLabel = IdxFiles.write(dir.resolve("bad.bin"), records(1, 10));
        e = assertThrows(DataFileException.class, () -> Cifar10Reader.read(badLabel));
        assertEquals(badLabel + ": label 10 of record 1 is outside the classes 0..9", e.getMessage());
        e = assertThrows(DataFileException.class, () -> ImageSets.cifar10(dir));
        assertEquals(dir.resolve("data_batch_1.bin") + ": file not found", e.getMessage());
    }
}

package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    /** Three 2 x 3 images with pixel values 0, 10, ..., 170 and labels 4, 0, 9. */
    private static final byte[] PIXELS = new byte[18];
    private static final byte[] LABELS = {4, 0, 9};

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (byte) (10 * i);
        }
        PIXELS[17] = (byte) 255;
    }

    @TempDir
    Path dir;

    private Path images(String name, byte[] content) {
        return IdxFiles.write(dir.resolve(name), content);
    }

    private static byte[] goodImages() {
        return IdxFiles.idx(0x803, new int[] {3, 2, 3}, PIXELS);
    }

    private static byte[] goodLabels() {
        return IdxFiles.idx(0x801, new int[] {3}, LABELS);
    }

    private static void checkContent(Examples examples) {
        assertEquals(3, examples.size());
        assertEquals(new Shape(1, 2, 3), examples.exampleShape());
        assertArrayEquals(new int[] {4, 0, 9}, examples.labels());
        float[] x = examples.features();
        for (int i = 0; i < 17; i++) {
            assertEquals(10 * i / 255f, x[i], 1e-7, "pixel " + i);
        }
        assertEquals(1f, x[17]);
    }

    @Test
    void readsRawFiles() {
        checkContent(IdxReader.read(images("img", goodImages()), images("lab", goodLabels())));
    }

    @Test
    void readsGzipByContentNotByName() {
        // gzip without .gz, raw with .gz: the magic bytes decide
        checkContent(IdxReader.read(images("img", IdxFiles.gzip(goodImages())), images("lab.gz", goodLabels())));
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope-images");
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(missing, images("lab", goodLabels())));
        assertEquals(missing + ": file not found", e.getMessage());
        assertEquals(missing.toString(), e.file());
    }

    @Test
    void badMagicNumberIsNamed() {
        Path img = images("img", IdxFiles.idx(0x804, new int[] {3, 2, 3}, PIXELS));
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(img, images("lab", goodLabels())));
        assertTrue(e.getMessage().startsWith(img + ": bad magic number 0x00000804, expected 0x00000803"), e.getMessage());
        // labels passed as images: the message says what the file is
        Path lab = images("lab", goodLabels());
        e = assertThrows(DataFileException.class, () -> IdxReader.read(lab, lab));
        assertTrue(e.getMessage().contains("this is an IDX labels file"), e.getMessage());
    }

    @Test
    void truncatedPixelsAreNamed() {
        byte[] full = goodImages();
        Path img = images("img.gz", IdxFiles.gzip(Arrays.copyOf(full, full.length - 5)));
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(img, images("lab", goodLabels())));
        assertEquals(img + ": truncated: the header declares 3 images of 2 x 3 (18 bytes) "
                + "but only 13 bytes follow it", e.getMessage());
    }

    @Test
    void truncatedHeaderAndTruncatedGzipAreNamed() {
        Path img = images("img", Arrays.copyOf(goodImages(), 14));
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(img, images("lab", goodLabels())));
        assertTrue(e.getMessage().startsWith(img + ": truncated: the IDX header ends before the columns"),
                e.getMessage());
        byte[] zipped = IdxFiles.gzip(goodImages());
        Path cut = images("cut.gz", Arrays.copyOf(zipped, zipped.length / 2));
        e = assertThrows(DataFileException.class, () -> IdxReader.read(cut, images("lab", goodLabels())));
        assertTrue(e.getMessage().startsWith(cut + ": gzip data is truncated or corrupt"), e.getMessage());
    }

    @Test
    void trailingBytesAreNamed() {
        Path img = images("img", IdxFiles.idx(0x803, new int[] {3, 2, 3}, Arrays.copyOf(PIXELS, 20)));
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(img, images("lab", goodLabels())));
        assertTrue(e.getMessage().startsWith(img + ": 2 unexpected bytes after the 3 images"), e.getMessage());
    }

    @Test
    void countMismatchNamesBothFiles() {
        Path img = images("img", goodImages());
        Path lab = images("lab", IdxFiles.idx(0x801, new int[] {2}, new byte[] {1, 2}));
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(img, lab));
        assertEquals(lab + ": holds 2 labels but the image file " + img + " holds 3 images", e.getMessage());
    }

    @Test
    void labelOutOfRangeIsNamed() {
        Path lab = images("lab", IdxFiles.idx(0x801, new int[] {3}, new byte[] {1, 10, 2}));
        var e = assertThrows(DataFileException.class, () -> IdxReader.read(images("img", goodImages()), lab));
        assertEquals(lab + ": label 10 of example 1 is outside the classes [0, 10)", e.getMessage());
        // with more classes the same file is fine
        assertEquals(10, IdxReader.read(images("img", goodImages()), lab, 11).label(1));
    }
}

package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public entry point that reads a data file, fed files that are empty, truncated, garbage,
 * directories, or whose headers declare sizes that overflow or that the file cannot hold. Each must
 * fail with a {@link DataFileException} naming the file, never with an OutOfMemoryError, a
 * NegativeArraySizeException, a raw index error or an accepted file.
 */
class HostileDataFilesTest {

    private static final int TWO_TO_30 = 1 << 30;

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) {
        return IdxFiles.write(dir.resolve(name), content);
    }

    private static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return IdxFiles.idx(IdxReader.IMAGES_MAGIC, new int[] {count, rows, cols}, pixels);
    }

    private static byte[] labels(int count, byte[] labels) {
        return IdxFiles.idx(IdxReader.LABELS_MAGIC, new int[] {count}, labels);
    }

    private static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x42; // neither an IDX magic nor gzip
        return bytes;
    }

    /** The call fails with a DataFileException about {@code file}; returns the message. */
    private static String refused(Path file, Executable call) {
        DataFileException e = assertThrows(DataFileException.class, call);
        assertEquals(file.toString(), e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    /** Both forms of a file: as written and gzip-compressed. */
    private void rawAndGzip(String name, byte[] content, Function<Path, String> check) {
        check.apply(file(name, content));
        check.apply(file(name + ".gz", IdxFiles.gzip(content)));
    }

    @Test
    void idxHeadersWhoseSizesOverflowAreRefused() {
        Path lab = file("lab", labels(16, new byte[16]));
        // 16 x 2^30 x 2^30 = 2^64 bytes: a long product wraps to 0, which the empty body matches
        rawAndGzip("overflow", images(16, TWO_TO_30, TWO_TO_30, new byte[0]), img -> {
            String message = refused(img, () -> IdxReader.read(img, lab));
            assertTrue(message.contains("16 images of 1073741824 x 1073741824"), message);
            return message;
        });
        // the same with the largest dimensions an int holds
        Path max = file("max", images(16, Integer.MAX_VALUE, Integer.MAX_VALUE, new byte[0]));
        refused(max, () -> IdxReader.read(max, lab));
        // no images at all, but each would hold 2^60 pixels: not an image size a tensor can have
        Path none = file("none", images(0, TWO_TO_30, TWO_TO_30, new byte[0]));
        Path noLabels = file("nolab", labels(0, new byte[0]));
        String message = refused(none, () -> IdxReader.read(none, noLabels));
        assertTrue(message.contains("1073741824 x 1073741824"), message);
    }

    @Test
    void idxCountsTheFileCannotHoldAreRefused() {
        Path lab = file("lab", labels(3, new byte[] {1, 2, 3}));
        rawAndGzip("huge", images(Integer.MAX_VALUE, 28, 28, new byte[100]), img -> {
            String message = refused(img, () -> IdxReader.read(img, lab));
            assertTrue(message.contains("truncated"), message);
            return message;
        });
        rawAndGzip("hugelab", labels(Integer.MAX_VALUE, new byte[] {1, 2, 3}), big -> {
            String message = refused(big, () -> IdxReader.read(file("img", images(3, 1, 1, new byte[3])), big));
            assertTrue(message.contains("2147483647 labels"), message);
            return message;
        });
    }

    @Test
    void idxEmptyGarbageTruncatedAndDirectoriesAreRefused() throws IOException {
        Path lab = file("lab", labels(1, new byte[] {1}));
        rawAndGzip("empty", new byte[0], img -> refused(img, () -> IdxReader.read(img, lab)));
        rawAndGzip("garbage", garbage(5000), img -> refused(img, () -> IdxReader.read(img, lab)));
        rawAndGzip("header", Arrays.copyOf(images(1, 1, 1, new byte[1]), 7),
                img -> refused(img, () -> IdxReader.read(img, lab)));
        Path notGzip = file("fake.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5});
        assertTrue(refused(notGzip, () -> IdxReader.read(notGzip, lab)).contains("gzip"));
        Path folder = Files.createDirectory(dir.resolve("images-folder"));
        assertTrue(refused(folder, () -> IdxReader.read(folder, lab)).contains("is a directory"));
        Path device = Path.of("/dev/null");
        assertTrue(refused(device, () -> IdxReader.read(device, lab)).contains("not a regular file"));
    }

    @Test
    void idxDatasetFolderWithDirectoriesForFilesIsRefused() throws IOException {
        Path images = Files.createDirectory(dir.resolve("train-images-idx3-ubyte"));
        String message = refused(images, () -> ImageSets.mnist(dir));
        assertTrue(message.contains("is a directory"), message);
        Path notADirectory = file("mnist.tar", garbage(10));
        message = refused(notADirectory, () -> ImageSets.fashionMnist(notADirectory));
        assertTrue(message.contains("not a directory"), message);
    }

    @Test
    void cifarEmptyGarbageAndDirectoriesAreRefused() throws IOException {
        rawAndGzip("empty.bin", new byte[0], f -> refused(f, () -> Cifar10Reader.read(f)));
        rawAndGzip("garbage.bin", garbage(3 * Cifar10Reader.RECORD_BYTES),
                f -> refused(f, () -> Cifar10Reader.read(f)));
        rawAndGzip("short.bin", garbage(Cifar10Reader.RECORD_BYTES - 1), f -> refused(f, () -> Cifar10Reader.read(f)));
        Path folder = Files.createDirectory(dir.resolve("data_batch_1.bin"));
        assertTrue(refused(folder, () -> Cifar10Reader.read(folder)).contains("is a directory"));
        assertTrue(refused(folder, () -> ImageSets.cifar10(dir)).contains("is a directory"));
        Path notADirectory = file("cifar.tar", garbage(10));
        assertTrue(refused(notADirectory, () -> ImageSets.cifar10(notADirectory)).contains("not a directory"));
    }

    @Test
    void digitsCsvGarbageAndHugeLineCountsAreRefused() throws IOException {
        rawAndGzip("garbage.csv", garbage(5000), f -> refused(f, () -> DigitsCsv.read(DataSource.file(f))));
        // 40 million one-field lines: more pixels than an array holds, refused at line 1
        Path many = file("many.csv.gz", IdxFiles.gzip("0\n".repeat(40_000_000).getBytes(StandardCharsets.US_ASCII)));
        String message = refused(many, () -> DigitsCsv.read(DataSource.file(many)));
        assertTrue(message.contains("line 1 has 1 fields"), message);
        Path folder = Files.createDirectory(dir.resolve("digits.csv"));
        refused(folder, () -> DigitsCsv.read(DataSource.file(folder)));
    }

    @Test
    void contentBeyondTheReadLimitIsRefusedBeforeItFillsTheHeap() {
        // a small gzip that inflates past the limit, as a gzip bomb inflates past the heap
        Path bomb = file("bomb.gz", IdxFiles.gzip(new byte[100_000]));
        String message = refused(bomb, () -> DataSource.file(bomb).readAll(10_000));
        assertTrue(message.contains("more than 10000 bytes"), message);
        Path raw = file("raw", new byte[20_000]);
        message = refused(raw, () -> DataSource.file(raw).readAll(10_000));
        assertTrue(message.startsWith(raw + ": is 20000 bytes, more than"), message);
        // at the limit exactly, the content is read
        assertEquals(10_000, DataSource.file(file("fits.gz", IdxFiles.gzip(new byte[10_000]))).readAll(10_000).length);
    }

    @Test
    void digitsCsvLinesWithHugeFieldsOrFieldCountsAreRefusedBriefly() {
        // one line of 10 million fields: counted, not split into 10 million strings
        Path wide = file("wide.csv", ("1,".repeat(10_000_000) + "1\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(wide + ": line 1 has 10000001 fields, expected 65 (64 pixels and a label)",
                refused(wide, () -> DigitsCsv.read(DataSource.file(wide))));
        // a trailing comma is an empty 65th field, not a shorter line read past its end
        Path trailing = file("trailing.csv", ("1,".repeat(64) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(trailing + ": line 1: '' is not an integer in 0..9",
                refused(trailing, () -> DigitsCsv.read(DataSource.file(trailing))));
        // a field of a million digits is shown by its start only
        Path longField = file("long.csv", ("7".repeat(1_000_000) + ",1".repeat(64) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        String message = refused(longField, () -> DigitsCsv.read(DataSource.file(longField)));
        assertTrue(message.length() < 200 && message.contains("'7777777777") && message.contains("(1000000 characters)"),
                message);
    }

    @Test
    void idxClassCountsBeyondAByteAndNullPathsAreNamed() {
        Path img = file("img", images(1, 1, 1, new byte[1]));
        Path lab = file("lab", labels(1, new byte[1]));
        var e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(img, lab, Integer.MAX_VALUE));
        assertEquals("numClasses must lie in [1, 256] (IDX labels are bytes), was 2147483647", e.getMessage());
        var npe = assertThrows(NullPointerException.class, () -> IdxReader.read(null, lab));
        assertEquals("images", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> IdxReader.read(img, null));
        assertEquals("labels", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> Cifar10Reader.read(img, null));
        assertEquals("batchFiles[1]", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> ImageSets.mnist(null));
        assertEquals("dir", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> ImageSets.cifar10(null));
        assertEquals("dir", npe.getMessage());
    }

    @Test
    void aRawFileLargerThanTheHeapCanHoldIsRefusedWithoutReadingIt() throws IOException {
        Path sparse = dir.resolve("sparse-images");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(64L << 30); // 64 GiB of holes: reading it would take minutes and fill the heap
        }
        Path lab = file("lab", labels(1, new byte[1]));
        String message = refused(sparse, () -> IdxReader.read(sparse, lab));
        assertTrue(message.startsWith(sparse + ": is 68719476736 bytes, more than this JVM can read"), message);
    }
}

package dev.grokkit.data;

import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads images and labels in the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed
 * (recognised by content, not by name). An image file is the big-endian int magic 0x00000803,
 * the dimensions n, rows, cols, then n * rows * cols unsigned bytes; a label file is the magic
 * 0x00000801, n, then n unsigned bytes.
 *
 * <p>Examples have shape (1, rows, cols) and pixel values v / 255 in [0, 1].
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Images and their labels, with labels in [0, 10). */
    public static Examples read(Path images, Path labels) {
        return read(images, labels, 10);
    }

    /** Images and their labels, with labels in [0, numClasses). */
    public static Examples read(Path images, Path labels, int numClasses) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        return read(DataSource.file(images), DataSource.file(labels), numClasses);
    }

    static Examples read(DataSource imageSource, DataSource labelSource, int numClasses) {
        if (numClasses < 1 || numClasses > 256) {
            throw new IllegalArgumentException(
                    "numClasses must lie in [1, 256] (IDX labels are bytes), was " + numClasses);
        }
        int[] labels = readLabels(labelSource, numClasses);
        ByteBuffer images = body(imageSource, IMAGES_MAGIC);
        int count = dimension(imageSource, images, "image count");
        int rows = dimension(imageSource, images, "rows");
        int cols = dimension(imageSource, images, "columns");
        String what = count + " images of " + rows + " x " + cols;
        // Products of two ints are exact in a long; with pixelsPerImage below 2^31, so is the size.
        long pixelsPerImage = (long) rows * cols;
        if (pixelsPerImage > Integer.MAX_VALUE) {
            throw new DataFileException(imageSource.name(), "the header declares " + what + ": an image of "
                    + pixelsPerImage + " pixels is larger than an array can hold; the header is corrupt");
        }
        float[] pixels = new float[checkedPayload(imageSource, images, count * pixelsPerImage, what)];
        if (count != labels.length) {
            throw new DataFileException(labelSource.name(), "holds " + labels.length
                    + " labels but the image file " + imageSource.name() + " holds " + count + " images");
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (images.get() & 0xff) / 255f;
        }
        return Examples.ofFeatures(pixels, new Shape(1, rows, cols), labels, numClasses);
    }

    private static int[] readLabels(DataSource source, int numClasses) {
        ByteBuffer buffer = body(source, LABELS_MAGIC);
        int count = dimension(source, buffer, "label count");
        int[] labels = new int[checkedPayload(source, buffer, count, count + " labels")];
        for (int i = 0; i < count; i++) {
            labels[i] = buffer.get() & 0xff;
            if (labels[i] >= numClasses) {
                throw new DataFileException(source.name(), "label " + labels[i] + " of example " + i
                        + " is outside the classes [0, " + numClasses + ")");
            }
        }
        return labels;
    }

    /** The content after the magic number, which must be {@code magic}. */
    private static ByteBuffer body(DataSource source, int magic) {
        ByteBuffer buffer = ByteBuffer.wrap(source.readAll());
        if (buffer.remaining() < 4) {
            throw new DataFileException(source.name(), "is too short to be an IDX file ("
                    + buffer.remaining() + " bytes)");
        }
        int found = buffer.getInt();
        if (found != magic) {
            throw new DataFileException(source.name(), String.format(
                    "bad magic number 0x%08X, expected 0x%08X (IDX %s)%s", found, magic, kind(magic),
                    found == IMAGES_MAGIC || found == LABELS_MAGIC ? "; this is an IDX " + kind(found)
                            + " file" : ""));
        }
        return buffer;
    }

    private static String kind(int magic) {
        return magic == IMAGES_MAGIC ? "images" : "labels";
    }

    private static int dimension(DataSource source, ByteBuffer buffer, String what) {
        if (buffer.remaining() < 4) {
            throw new DataFileException(source.name(), "truncated: the IDX header ends before the " + what);
        }
        int value = buffer.getInt();
        if (value < 0 || (value == 0 && !what.endsWith("count"))) {
            throw new DataFileException(source.name(),
                    "invalid " + what + " " + Integer.toUnsignedString(value) + " in the IDX header");
        }
        return value;
    }

    /** Checks that exactly {@code expected} bytes follow the header. */
    private static int checkedPayload(DataSource source, ByteBuffer buffer, long expected, String what) {
        if (buffer.remaining() < expected) {
            throw new DataFileException(source.name(), "truncated: the header declares " + what + " ("
                    + expected + " bytes) but only " + buffer.remaining() + " bytes follow it");
        }
        if (buffer.remaining() > expected) {
            throw new DataFileException(source.name(), (buffer.remaining() - expected)
                    + " unexpected bytes after the " + what + " the header declares");
        }
        return (int) expected;
    }
}

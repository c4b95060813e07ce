package dev.grokkit.data;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the binary version of CIFAR-10 ({@code data_batch_1.bin} .. {@code data_batch_5.bin},
 * {@code test_batch.bin}). Each record is 1 label byte (0..9) followed by 3072 pixel bytes: the
 * red, green and blue planes of a 32 x 32 image, each row-major. Raw or gzip-compressed.
 *
 * <p>Examples have shape (3, 32, 32) (channels first, as the record stores them) and values
 * v / 255 in [0, 1].
 */
public final class Cifar10Reader {

    public static final int CLASSES = 10;
    static final int SIDE = 32;
    static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private Cifar10Reader() {
    }

    /** The records of the given batch files, concatenated in order. */
    public static Examples read(Path... batchFiles) {
        Objects.requireNonNull(batchFiles, "batchFiles");
        List<DataSource> sources = new ArrayList<>();
        for (int i = 0; i < batchFiles.length; i++) {
            sources.add(DataSource.file(Objects.requireNonNull(batchFiles[i], "batchFiles[" + i + "]")));
        }
        return read(sources);
    }

    static Examples read(List<DataSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no CIFAR-10 batch files given");
        }
        List<byte[]> contents = new ArrayList<>();
        long records = 0;
        for (DataSource source : sources) {
            byte[] content = source.readAll();
            if (content.length == 0 || content.length % RECORD_BYTES != 0) {
                throw new DataFileException(source.name(), "size " + content.length
                        + " bytes is not a positive multiple of the " + RECORD_BYTES
                        + "-byte CIFAR-10 record (1 label byte + " + IMAGE_BYTES + " pixel bytes)");
            }
            contents.add(content);
            records += content.length / RECORD_BYTES;
        }
        if (records * IMAGE_BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    records + " CIFAR-10 records are too many to hold in one array");
        }
        int[] labels = new int[(int) records];
        float[] pixels = new float[(int) records * IMAGE_BYTES];
        int example = 0;
        for (int s = 0; s < sources.size(); s++) {
            byte[] content = contents.get(s);
            for (int record = 0; record < content.length / RECORD_BYTES; record++, example++) {
                int offset = record * RECORD_BYTES;
                labels[example] = content[offset] & 0xff;
                if (labels[example] >= CLASSES) {
                    throw new DataFileException(sources.get(s).name(), "label " + labels[example]
                            + " of record " + record + " is outside the classes 0..9");
                }
                for (int j = 0; j < IMAGE_BYTES; j++) {
                    pixels[example * IMAGE_BYTES + j] = (content[offset + 1 + j] & 0xff) / 255f;
                }
            }
        }
        return Examples.ofFeatures(pixels, new Shape(3, SIDE, SIDE), labels, CLASSES);
    }
}

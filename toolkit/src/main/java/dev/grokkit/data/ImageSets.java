package dev.grokkit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The image datasets of the notebooks, one call each. Bundled sets ({@link #digits()}, {@link
 * #fashionMnistSubset()}) are read from the toolkit jar; the others from standard files on disk.
 *
 * <pre>{@code
 * Dataset omnigrok = ImageSets.fashionMnist().firstTrain(1000).flatten();   // 784-vectors
 * Dataset small = ImageSets.digits(1000, 0).flatten();                        // 64-vectors
 * }</pre>
 */
public final class ImageSets {

    /** Where the Debian package dataset-fashion-mnist installs Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    /** Default training-set size of {@link #digits()}, as in the Omnigrok-style setups. */
    public static final int DIGITS_DEFAULT_TRAIN = 1000;

    private static final String[] IDX_FILES = {
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private ImageSets() {
    }

    /**
     * All 1,797 bundled 8 x 8 handwritten digits (scikit-learn's copy of the UCI optdigits test
     * set; see data/digits/README.md), shape (1, 8, 8), values in [0, 1], 10 classes.
     */
    public static Examples allDigits() {
        return DigitsCsv.read(DataSource.bundled("digits/digits.csv.gz"));
    }

    /** The digits with 1000 random training images (seed 0) and the other 797 for testing. */
    public static Dataset digits() {
        return digits(DIGITS_DEFAULT_TRAIN, 0);
    }

    /** The digits with {@code trainSize} random training images and all the others for testing. */
    public static Dataset digits(int trainSize, long seed) {
        String name = "digits 8x8 (" + trainSize + " train, seed " + seed + ")";
        return allDigits().splitTrainSize(name, trainSize, seed);
    }

    /**
     * The bundled class-balanced Fashion-MNIST subset: 2,000 training images (200 per class) and
     * 1,000 test images (100 per class), the first of each class in the original files (see
     * data/fashion-mnist-subset/README.md). Shape (1, 28, 28), values in [0, 1].
     */
    public static Dataset fashionMnistSubset() {
        String dir = "fashion-mnist-subset/";
        return new Dataset("Fashion-MNIST subset",
                IdxReader.read(DataSource.bundled(dir + IDX_FILES[0] + ".gz"),
                        DataSource.bundled(dir + IDX_FILES[1] + ".gz"), 10),
                IdxReader.read(DataSource.bundled(dir + IDX_FILES[2] + ".gz"),
                        DataSource.bundled(dir + IDX_FILES[3] + ".gz"), 10));
    }

    /**
     * Full Fashion-MNIST (60,000 training and 10,000 test images) from {@link
     * #DEBIAN_FASHION_MNIST}.
     */
    public static Dataset fashionMnist() {
        return installedFashionMnist(DEBIAN_FASHION_MNIST);
    }

    /** Fashion-MNIST from where a package installed it, with advice when it is not there. */
    static Dataset installedFashionMnist(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir.toString(), "Fashion-MNIST is not installed here. "
                    + "Install the Debian package dataset-fashion-mnist "
                    + "(apt-get install dataset-fashion-mnist), "
                    + "pass the directory of the IDX files to fashionMnist(Path), "
                    + "or use the bundled ImageSets.fashionMnistSubset()");
        }
        return fashionMnist(dir);
    }

    /** Fashion-MNIST from a directory with the four standard IDX files (see {@link #mnist(Path)}). */
    public static Dataset fashionMnist(Path dir) {
        return idxDataset("Fashion-MNIST", dir);
    }

    /**
     * MNIST from a directory with the standard files {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
     * each raw or with a {@code .gz} suffix. Shape (1, 28, 28), values in [0, 1].
     */
    public static Dataset mnist(Path dir) {
        return idxDataset("MNIST", dir);
    }

    /**
     * CIFAR-10 (binary version) from a directory holding {@code data_batch_1.bin} ..
     * {@code data_batch_5.bin} and {@code test_batch.bin}, or holding the folder
     * {@code cifar-10-batches-bin} with them. Shape (3, 32, 32), values in [0, 1]. Needs about
     * 0.75 GB of heap for the 60,000 images as floats.
     */
    public static Dataset cifar10(Path dir) {
        requireDirectory(dir, "the CIFAR-10 batch files");
        Path nested = dir.resolve("cifar-10-batches-bin");
        Path batches = Files.isDirectory(nested) ? nested : dir;
        List<DataSource> train = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            train.add(DataSource.file(batches.resolve("data_batch_" + i + ".bin")));
        }
        List<DataSource> test = List.of(DataSource.file(batches.resolve("test_batch.bin")));
        return new Dataset("CIFAR-10", Cifar10Reader.read(train), Cifar10Reader.read(test));
    }

    private static Dataset idxDataset(String name, Path dir) {
        requireDirectory(dir, "the " + name + " IDX files");
        return new Dataset(name,
                IdxReader.read(idxFile(dir, IDX_FILES[0]), idxFile(dir, IDX_FILES[1]), 10),
                IdxReader.read(idxFile(dir, IDX_FILES[2]), idxFile(dir, IDX_FILES[3]), 10));
    }

    private static void requireDirectory(Path dir, String expected) {
        Objects.requireNonNull(dir, "dir");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataFileException(dir.toString(), "is not a directory (expected " + expected + " in it)");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(dir.toString(), "directory not found (expected " + expected + " in it)");
        }
    }

    /** The file {@code stem.gz} or {@code stem} in dir (whatever is there, so that a directory is named as one). */
    private static DataSource idxFile(Path dir, String stem) {
        for (String name : new String[] {stem + ".gz", stem}) {
            if (Files.exists(dir.resolve(name))) {
                return DataSource.file(dir.resolve(name));
            }
        }
        throw new DataFileException(dir.resolve(stem).toString(),
                "file not found (looked for " + stem + ".gz and " + stem + " in " + dir + ")");
    }
}

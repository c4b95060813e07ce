package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledImageSetsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /**
     * Class counts of the digits, verified with scikit-learn 1.2.1
     * ({@code numpy.bincount(load_digits().target)}) and equal to the test-set counts on the UCI page.
     */
    private static final int[] DIGITS_CLASS_COUNTS = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};

    private static Examples digits;

    @BeforeAll
    static void load() {
        digits = ImageSets.allDigits();
    }

    @Test
    void digitsHaveTheKnownSizeShapeAndClassCounts() {
        assertEquals(1797, digits.size());
        assertEquals(new Shape(1, 8, 8), digits.exampleShape());
        assertEquals(10, digits.numClasses());
        assertArrayEquals(DIGITS_CLASS_COUNTS, digits.classCounts());
    }

    @Test
    void digitsEqualScikitLearnsLoadDigits() throws IOException, InterruptedException {
        String script = "from sklearn.datasets import load_digits\n"
                + "import numpy as np\n"
                + "d = load_digits()\n"
                + "print(' '.join(map(str, np.bincount(d.target))))\n"
                + "print(' '.join(str(int(v)) for v in d.data[0]))\n"
                + "print(' '.join(map(str, d.target[:20])))\n"
                + "print(int(d.data.sum()))\n";
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String[] lines = output.strip().split("\n");
        assertEquals(0, process.waitFor(), "scikit-learn's load_digits failed (environment/install installs python3-sklearn):\n" + String.join("\n", lines));
        assertArrayEquals(ints(lines[0]), digits.classCounts());
        float[] x = digits.features();
        int[] firstImage = new int[64];
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.round(x[i] * 16);
            if (i < 64) {
                firstImage[i] = Math.round(x[i] * 16);
                assertEquals(firstImage[i] / 16f, x[i], "pixel " + i + " is an integer 0..16 divided by 16");
            }
        }
        assertArrayEquals(ints(lines[1]), firstImage);
        assertArrayEquals(ints(lines[2]), Arrays.copyOf(digits.labels(), 20));
        assertEquals(Long.parseLong(lines[3].strip()), sum);
    }

    private static int[] ints(String line) {
        return Arrays.stream(line.strip().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void digitsSplitChoosesTheTrainingSize() {
        Dataset data = ImageSets.digits(1000, 5);
        assertEquals("digits 8x8 (1000 train, seed 5)", data.name());
        assertEquals(1000, data.train().size());
        assertEquals(797, data.test().size());
        int[] total = data.train().classCounts();
        for (int c = 0; c < 10; c++) {
            total[c] += data.test().classCounts()[c];
        }
        assertArrayEquals(DIGITS_CLASS_COUNTS, total);
        assertArrayEquals(data.train().features(), ImageSets.digits(1000, 5).train().features());
        assertEquals(1000, ImageSets.digits().train().size());
    }

    @Test
    void fashionSubsetIsClassBalanced() {
        Dataset subset = ImageSets.fashionMnistSubset();
        assertEquals(new Shape(1, 28, 28), subset.train().exampleShape());
        assertEquals(2000, subset.train().size());
        assertEquals(1000, subset.test().size());
        int[] train = new int[10];
        Arrays.fill(train, 200);
        assertArrayEquals(train, subset.train().classCounts());
        int[] test = new int[10];
        Arrays.fill(test, 100);
        assertArrayEquals(test, subset.test().classCounts());
        for (float v : subset.test().features()) {
            assertTrue(v >= 0 && v <= 1, "pixel value " + v);
        }
    }

    @Test
    void missingDatasetsGiveAdvice(@TempDir Path dir) {
        Path absent = dir.resolve("fashion-mnist");
        var e = assertThrows(DataFileException.class, () -> ImageSets.installedFashionMnist(absent));
        assertTrue(e.getMessage().startsWith(absent + ": Fashion-MNIST is not installed here"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("fashionMnistSubset()"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> ImageSets.mnist(dir));
        assertEquals(dir.resolve("train-images-idx3-ubyte") + ": file not found (looked for "
                + "train-images-idx3-ubyte.gz and train-images-idx3-ubyte in " + dir + ")", e.getMessage());
        e = assertThrows(DataFileException.class, () -> ImageSets.mnist(absent));
        assertTrue(e.getMessage().startsWith(absent + ": directory not found"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> DataSource.bundled("no/such.csv"));
        assertTrue(e.getMessage().startsWith(
                "classpath:/dev/grokkit/data/bundled/no/such.csv: bundled resource not found"), e.getMessage());
    }
}

package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The full Fashion-MNIST of the Debian package dataset-fashion-mnist, which environment/install installs. */
class FashionMnistInstalledTest {

    private static Dataset full;

    @BeforeAll
    static void load() {
        full = ImageSets.fashionMnist();
    }

    @Test
    void hasSixtyThousandTrainingAndTenThousandTestImages() {
        assertEquals(60_000, full.train().size());
        assertEquals(10_000, full.test().size());
        assertEquals(new Shape(1, 28, 28), full.train().exampleShape());
        int[] perClass = new int[10];
        Arrays.fill(perClass, 6000);
        assertArrayEquals(perClass, full.train().classCounts());
        Arrays.fill(perClass, 1000);
        assertArrayEquals(perClass, full.test().classCounts());
    }

    @Test
    void bundledSubsetIsTheFirstImagesOfEachClass() {
        Dataset subset = ImageSets.fashionMnistSubset();
        Examples train = full.train().select(firstPerClass(full.train(), 200));
        Examples test = full.test().select(firstPerClass(full.test(), 100));
        assertArrayEquals(train.features(), subset.train().features());
        assertArrayEquals(train.labels(), subset.train().labels());
        assertArrayEquals(test.features(), subset.test().features());
        assertArrayEquals(test.labels(), subset.test().labels());
    }

    /** Indices, ascending, of the first n examples of each class. */
    private static int[] firstPerClass(Examples examples, int n) {
        int[] taken = new int[examples.numClasses()];
        int[] chosen = new int[n * examples.numClasses()];
        int k = 0;
        for (int i = 0; i < examples.size() && k < chosen.length; i++) {
            if (taken[examples.label(i)]++ < n) {
                chosen[k++] = i;
            }
        }
        assertEquals(chosen.length, k);
        return chosen;
    }
}

package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExamplesTest {

    /** n examples of shape (2, 2); example i holds the values i, i, i, i and label i mod classes. */
    private static Examples indexed(int n, int classes) {
        float[] x = new float[4 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(x, 4 * i, 4 * i + 4, i);
            labels[i] = i % classes;
        }
        return Examples.ofFeatures(x, new Shape(2, 2), labels, classes);
    }

    /** The original indices of examples made by {@link #indexed}. */
    private static int[] ids(Examples examples) {
        float[] x = examples.features();
        int[] ids = new int[examples.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) x[4 * i];
        }
        return ids;
    }

    private static boolean ascendingDistinct(int[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void firstTakesThePrefix() {
        assertArrayEquals(new int[] {0, 1, 2}, ids(indexed(10, 3).first(3)));
        assertEquals(0, indexed(10, 3).first(0).size());
        var e = assertThrows(IllegalArgumentException.class, () -> indexed(10, 3).first(11));
        assertEquals("cannot take 11 of 10 examples", e.getMessage());
    }

    @Test
    void randomIsDistinctOrderedAndSeeded() {
        Examples all = indexed(100, 3);
        int[] a = ids(all.random(30, 1));
        assertEquals(30, a.length);
        assertTrue(ascendingDistinct(a));
        assertArrayEquals(a, ids(all.random(30, 1)));
        assertFalse(Arrays.equals(a, ids(all.random(30, 2))));
    }

    @Test
    void balancedTakesExactlyPerClass() {
        Examples all = indexed(100, 3); // classes of sizes 34, 33, 33
        Examples balanced = all.balanced(20, 4);
        assertArrayEquals(new int[] {20, 20, 20}, balanced.classCounts());
        assertTrue(ascendingDistinct(ids(balanced)));
        assertArrayEquals(ids(balanced), ids(all.balanced(20, 4)));
        assertFalse(Arrays.equals(ids(balanced), ids(all.balanced(20, 5))));
        var e = assertThrows(IllegalArgumentException.class, () -> all.balanced(34, 0));
        assertEquals("cannot take 34 examples per class: class 1 has only 33", e.getMessage());
    }

    @Test
    void balancedDrawsEveryExampleOfAClassWithEqualChance() {
        // class 0 has 4 examples, 2 drawn: over many seeds each is drawn about half of the time
        Examples all = indexed(8, 2);
        int[] drawn = new int[8];
        for (long seed = 0; seed < 2000; seed++) {
            for (int id : ids(all.balanced(2, seed))) {
                drawn[id]++;
            }
        }
        for (int id = 0; id < 8; id++) {
            assertEquals(1000, drawn[id], 100, "example " + id); // binomial sd ~22
        }
    }

    @Test
    void flattenKeepsValuesInOneVector() {
        Examples flat = indexed(5, 2).flatten();
        assertEquals(new Shape(4), flat.exampleShape());
        assertArrayEquals(indexed(5, 2).features(), flat.features());
    }

    @Test
    void splitIsDisjointCoveringAndSeeded() {
        Examples all = indexed(50, 5);
        Dataset split = all.split("toy", 0.3, 9);
        assertEquals("toy", split.name());
        assertEquals(15, split.train().size());
        assertEquals(35, split.test().size());
        Set<Integer> seen = new HashSet<>();
        for (int id : ids(split.train())) {
            seen.add(id);
        }
        for (int id : ids(split.test())) {
            assertTrue(seen.add(id), "example " + id + " is in both splits");
        }
        assertEquals(50, seen.size());
        assertArrayEquals(ids(split.train()), ids(all.splitTrainSize("toy", 15, 9).train()));
        assertFalse(Arrays.equals(ids(split.train()), ids(all.split("toy", 0.3, 10).train())));
    }

    @Test
    void badSplitsAreExplained() {
        Examples all = indexed(10, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> all.splitTrainSize("toy", 10, 0));
        assertEquals("trainSize must lie in [1, 9] to leave examples on both sides of a split of 10, was 10",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> all.split("toy", 1.5, 0));
        assertEquals("trainFraction must lie strictly between 0 and 1, was 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> all.split("toy", 0.01, 0));
        assertTrue(e.getMessage().contains("gives 0 training examples"), e.getMessage());
    }

    @Test
    void nonFiniteFeaturesAreRefusedWithTheirIndex() {
        float[] x = new float[8];
        x[6] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class,
                () -> Examples.ofFeatures(x, new Shape(2, 2), new int[] {0, 1}, 2));
        assertEquals("features[6] = NaN (example 1, value 2) is not a finite number", e.getMessage());
        x[6] = 0;
        x[1] = Float.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> Examples.ofFeatures(x, new Shape(4), new int[] {0, 1}, 2));
        assertTrue(e.getMessage().startsWith("features[1] = -Infinity (example 0, value 1)"), e.getMessage());
        // a transformation that overflows is refused too
        e = assertThrows(IllegalArgumentException.class, () -> indexed(3, 2).affine(0, Float.MIN_VALUE));
        assertTrue(e.getMessage().startsWith("features[4] = Infinity (example 1, value 0)"), e.getMessage());
    }

    @Test
    void exampleShapesWhoseSizeOverflowsAreRefused() {
        // (2^62 + 1) x 4 = 2^64 + 4 wraps to 4 in a long
        Shape wraps = new Shape((1L << 62) + 1, 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Examples.ofFeatures(new float[4], wraps, new int[] {0}, 1));
        assertTrue(e.getMessage().contains("(4611686018427387905, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Examples.ofFeatures(new float[0], new Shape(1 << 16, 1 << 16), new int[0], 1));
        assertTrue(e.getMessage().contains("(65536, 65536)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Examples.ofFeatures(new float[2], new Shape(-1, 2), new int[] {0}, 1));
        assertTrue(e.getMessage().contains("(-1, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> indexed(2, 2).reshape(wraps));
        assertTrue(e.getMessage().contains("(4611686018427387905, 4)"), e.getMessage());
    }

    @Test
    void percentagesPrintWithoutNoise() {
        assertEquals("30%", TrainFraction.percent(0.3));
        assertEquals("12.5%", TrainFraction.percent(0.125));
        assertEquals("33.33%", TrainFraction.percent(1.0 / 3));
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class GrokkingTimesTest {

    private static Table history(double[] train, double[] test) {
        return AccuracyHistories.every100(train, test);
    }

    @Test
    void firstStepsReachingTheThreshold() {
        Table h = history(new double[] {0.1, 0.995, 1.0, 1.0, 1.0}, new double[] {0.0, 0.1, 0.5, 0.991, 1.0});
        GrokkingTimes t = GrokkingTimes.of(h);
        assertEquals(100, t.memorizationStep());
        assertEquals(300, t.grokkingStep());
        assertEquals(200, t.delay());
        assertEquals(200, GrokkingTimes.of(h, 0.5).grokkingStep());
    }

    @Test
    void neverReachedIsMinusOne() {
        GrokkingTimes t = GrokkingTimes.of(history(new double[] {0.2, 1.0}, new double[] {0.1, 0.2}));
        assertEquals(-1, t.grokkingStep());
        assertEquals(-1, t.delay());
        assertEquals("memorized (train acc >= 0.99) at step 100, generalized (test acc >= 0.99) at step never",
                t.toString());
    }

    @Test
    void badInputIsNamed() {
        Table noTest = Table.create("h", IntColumn.create("step", new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> GrokkingTimes.of(noTest));
        assertThrows(IllegalArgumentException.class,
                () -> GrokkingTimes.of(history(new double[] {1}, new double[] {1}), 1.5));
    }

    @Test
    void firstAtLeastAndValueAtReadAnyColumnAtLoggedSteps() {
        Table h = history(new double[] {0.1, Double.NaN, 0.7, 0.4, 0.9}, new double[] {0, 0, 0, 0, 0});
        assertEquals(200, GrokkingTimes.firstAtLeast(h, "train_acc", 0.5));
        assertEquals(400, GrokkingTimes.firstAtLeast(h, "train_acc", 0.8));
        assertEquals(-1, GrokkingTimes.firstAtLeast(h, "train_acc", 0.95));
        assertEquals(0.4, GrokkingTimes.valueAt(h, "train_acc", 300));
        assertEquals(Double.NaN, GrokkingTimes.valueAt(h, "train_acc", 250)); // not logged
        assertEquals(Double.NaN, GrokkingTimes.valueAt(h, "train_acc", -1)); // never
        assertEquals("never", GrokkingTimes.stepOrNever(-1));
        assertEquals("1600", GrokkingTimes.stepOrNever(1600));
        var e = assertThrows(IllegalArgumentException.class, () -> GrokkingTimes.valueAt(h, "weight_norm", 100));
        assertEquals("history 'h' has no 'weight_norm' column; columns: [step, train_acc, test_acc]", e.getMessage());
    }
}

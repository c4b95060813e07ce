package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Offsets from grokking on a constructed run, worked out by hand in the comments. */
class GrokkingAlignmentTest {

    // t_mem = 20 (train acc 1), t_grok = 60 (test acc 0.995); test accuracy rises most (+0.495)
    // into step 60 and first reaches 0.05 at step 30.
    private static Table run() {
        int[] steps = {0, 10, 20, 30, 40, 50, 60, 70, 80};
        double[] train = {0.1, 0.5, 1, 1, 1, 1, 1, 1, 1};
        double[] test = {0, 0, 0.02, 0.06, 0.1, 0.5, 0.995, 1, 1};
        // before t_mem it jumps (+8 into step 10) and peaks (9 at step 10); from step 20 on:
        // 2, 2, 3, 8, 9, 8, 7, so its steepest change is +5 into step 50 and its peak at step 60
        double[] pmi = {1, 9, 2, 2, 3, 8, 9, 8, 7};
        double[] gradient = {Double.NaN, 1000, 100, Double.NaN, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        double[] bound = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        return Table.create("run", IntColumn.create("step", steps), DoubleColumn.create("train_acc", train),
                DoubleColumn.create("test_acc", test), DoubleColumn.create("pmi", pmi),
                DoubleColumn.create("gradient", gradient), DoubleColumn.create("bound", bound));
    }

    @Test
    void offsetsOfARunThatGroks() {
        Table h = run();
        assertEquals(60, GrokkingAlignment.grokkingStepOrEnd(h));
        assertEquals(7, GrokkingAlignment.afterMemorization(h).rowCount());
        assertEquals(10.0 / 60, GrokkingAlignment.steepestOffset(h, "pmi", 10), 1e-12); // |50 - 60| / 60
        assertEquals(30.0 / 60, GrokkingAlignment.peakOffset(h, "pmi", 0.05), 1e-12);   // |60 - 30| / 60
        assertEquals(9 - 2, GrokkingAlignment.changeOverGrokking(h, "pmi"), 1e-12);     // pmi(60) - pmi(20)
        assertEquals(3, GrokkingAlignment.valueAtOrEnd(h, "pmi", 40), 0);
    }

    @Test
    void aRunThatNeverGroksIsReadAtItsEnd() {
        Table h = run().first(6); // steps 0..50: test accuracy peaks at 0.5
        assertEquals(50, GrokkingAlignment.grokkingStepOrEnd(h));
        assertEquals(8, GrokkingAlignment.valueAtOrEnd(h, "pmi", -1), 0);
        assertEquals(0, GrokkingAlignment.steepestOffset(h, "pmi", 10), 1e-12);          // both at 50
        assertEquals(20.0 / 50, GrokkingAlignment.peakOffset(h, "pmi", 0.05), 1e-12);    // |50 - 30| / 50
        assertEquals(0, GrokkingAlignment.peakOffset(h, "pmi", 0.9), 1e-12);             // 0.9 never reached: the end, 50, is the peak
        assertEquals(8 - 2, GrokkingAlignment.changeOverGrokking(h, "pmi"), 1e-12);
    }

    @Test
    void ratiosWhenFittedAndRowsBefore() {
        Table h = run();
        assertEquals(2, GrokkingAlignment.beforeFitting(h).rowCount());
        // measured and fitted at steps 20 (100) and 40 (1): log10 100 = 2; step 10 (1000) is not fitted
        assertEquals(2, GrokkingAlignment.maxLog10RatioWhenFitted(h, "gradient", "bound"), 1e-12);
        // never fitted within steps 0..10: the last measured row, log10 1000 = 3
        assertEquals(3, GrokkingAlignment.maxLog10RatioWhenFitted(h.first(2), "gradient", "bound"), 1e-12);
    }
}

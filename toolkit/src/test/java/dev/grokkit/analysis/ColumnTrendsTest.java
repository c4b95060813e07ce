package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Peaks, steepest changes, slopes and correlations of constructed columns. */
class ColumnTrendsTest {

    private static Table history() {
        int[] steps = {0, 5, 10, 20, 30, 40};
        double[] rise = {0, 0.9, 1, 3, 7, 8};          // from step 20 on (every 10): +2, +4, +1 -> steepest at 30
        double[] line = {1, 2, 3, 5, 7, 9};            // 1 + 0.2 step: slope 0.2
        double[] down = {5, Double.NaN, 4, 4.5, 3, 2}; // measured at 5 steps, fell at 3 of 4
        return Table.create("h", IntColumn.create("step", steps), DoubleColumn.create("rise", rise),
                DoubleColumn.create("line", line), DoubleColumn.create("down", down));
    }

    @Test
    void peaksAndSteepestChanges() {
        Table h = history();
        assertEquals(40, ColumnTrends.peakStep(h, "rise"));
        assertEquals(0, ColumnTrends.peakStep(h, "down"));
        assertEquals(30, ColumnTrends.steepestStep(h, "rise", +1, 10));
        // every 5: 0 -> 5 is +0.9, 5 -> 10 is +0.1 (rows 20.. are multiples of 5 too: +2, +4, +1)
        assertEquals(30, ColumnTrends.steepestStep(h, "rise", +1, 5));
        // measured every 10: -1 at 10, +0.5 at 20, -1.5 at 30, -1 at 40
        assertEquals(30, ColumnTrends.steepestStep(h, "down", -1, 10));
        assertEquals(20, ColumnTrends.steepestStep(h, "down", +1, 10));
        assertEquals(5, ColumnTrends.measured(h, "down").rowCount());
    }

    @Test
    void aPeakAtTheFirstMeasuredRowIsAPeakAtStart() {
        Table h = history();
        assertTrue(ColumnTrends.peaksAtStart(h, "down"));    // 5 at step 0, never higher
        assertFalse(ColumnTrends.peaksAtStart(h, "rise"));   // peaks at 40
        // from step 5 on, "down" is first measured at 10 (4) and rises to 4.5 at 20: an interior peak
        assertFalse(ColumnTrends.peaksAtStart(ColumnTrends.from(h, 5), "down"));
        assertTrue(ColumnTrends.peaksAtStart(ColumnTrends.from(h, 30), "down")); // 3, 2: largest at its first row, 30
        Table flat = Table.create("flat", IntColumn.create("step", new int[] {0, 10, 20}),
                DoubleColumn.create("v", new double[] {1, 1, 1}));
        assertTrue(ColumnTrends.peaksAtStart(flat, "v")); // ties go to the first row: it never rose
    }

    @Test
    void slopesFallsAndCorrelations() {
        Table h = history();
        assertEquals(0.2, ColumnTrends.slope(h, "line"), 1e-12);
        assertEquals(0.75, ColumnTrends.fractionFalling(h, "down"), 0);
        assertEquals(1.0, ColumnTrends.correlation(h, "line", "line"), 1e-12);
        assertEquals(-1.0, ColumnTrends.correlation(h.copy().addColumns(DoubleColumn.create("neg",
                new double[] {-1, -2, -3, -5, -7, -9})), "line", "neg"), 1e-12);
        assertTrue(Double.isNaN(ColumnTrends.slope(h.first(2), "line")));
        assertEquals(4, ColumnTrends.from(h, 10).rowCount());
    }
}

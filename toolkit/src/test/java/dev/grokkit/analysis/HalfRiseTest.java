package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class HalfRiseTest {

    private static Table curve(double... v) {
        int[] steps = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            steps[i] = 10 * i;
        }
        return Table.create("c", IntColumn.create("step", steps), DoubleColumn.create("y", v));
    }

    @Test
    void halfWayFromTheMinimumToTheLaterMaximum() {
        // minimum 0.1 at step 20, later maximum 0.9 at step 60: half way is 0.5, first reached at step 40
        assertEquals(40, HalfRise.step(curve(0.5, 0.3, 0.1, 0.4, 0.5, 0.8, 0.9, 0.7), "y", 0.1));
        // a missing value is skipped
        assertEquals(40, HalfRise.step(curve(0.5, 0.3, 0.1, Double.NaN, 0.6, 0.9), "y", 0.1));
    }

    @Test
    void aSmallRiseIsNoRise() {
        assertEquals(-1, HalfRise.step(curve(0.5, 0.4, 0.45), "y", 0.1));
        assertEquals(-1, HalfRise.step(curve(Double.NaN, Double.NaN), "y", 0.1));
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class SeedSpreadTest {

    private static Table run(int[] steps, double[] a, double[] b) {
        return Table.create("r", IntColumn.create("step", steps), DoubleColumn.create("a", a), DoubleColumn.create("b", b));
    }

    @Test
    void meanAndSampleSdPerStepOverTheRunsThatMeasured() {
        double nan = Double.NaN;
        List<Table> runs = List.of(run(new int[] {0, 5, 10}, new double[] {1, nan, 10}, new double[] {0, 7, 2}),
                run(new int[] {0, 10}, new double[] {2, 14}, new double[] {0, 4}),
                run(new int[] {0, 10}, new double[] {3, nan}, new double[] {0, 6}));
        Table s = SeedSpread.of(runs, "a", "b");
        assertArrayEquals(new double[] {0, 10}, s.numberColumn("step").asDoubleArray()); // step 5: a not measured
        assertEquals(2, s.doubleColumn("a").getDouble(0), 1e-12);
        assertEquals(1, s.doubleColumn("a:sd").getDouble(0), 1e-12); // sd of 1, 2, 3
        assertEquals(12, s.doubleColumn("a").getDouble(1), 1e-12); // 10 and 14: the third run's a is missing
        assertEquals(Math.sqrt(8), s.doubleColumn("a:sd").getDouble(1), 1e-12);
        assertEquals(0, s.doubleColumn("b:sd").getDouble(0), 1e-12);
        assertEquals(2, s.doubleColumn("b:sd").getDouble(1), 1e-12); // sd of 2, 4, 6: b of the third run counts
    }

    @Test
    void oneValueHasNoSdAndUnknownColumnsAreNamed() {
        Table s = SeedSpread.of(List.of(run(new int[] {0}, new double[] {1}, new double[] {2})), "a");
        assertEquals(Double.NaN, s.doubleColumn("a:sd").getDouble(0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> SeedSpread.of(List.of(run(new int[] {0}, new double[] {1}, new double[] {2})), "c"));
        assertEquals("run 'r' has no column 'c'", e.getMessage());
    }

    @Test
    void meanAndSdOfAKnownSample() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample sd sqrt(32 / 7)
        double[] ms = SeedSpread.meanAndSd(2, 4, Double.NaN, 4, 4, 5, 5, 7, 9);
        assertEquals(5, ms[0], 1e-12);
        assertEquals(Math.sqrt(32 / 7.0), ms[1], 1e-12);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN}, SeedSpread.meanAndSd(Double.NaN));
    }
}

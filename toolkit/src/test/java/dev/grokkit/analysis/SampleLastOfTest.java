package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class SampleLastOfTest {

    private static Table history(double... q) {
        double[] steps = new double[q.length];
        java.util.Arrays.setAll(steps, i -> i);
        return Table.create("h", DoubleColumn.create("step", steps), DoubleColumn.create("q", q));
    }

    @Test
    void takesEachHistorysLastRecordedValueInOrder() {
        Sample s = Sample.lastOf("q", "q", List.of(history(1, 2, Double.NaN), history(5, Double.NaN, 7), history(9)));
        assertArrayEquals(new double[] {2, 7, 9}, s.values(), 0);
    }

    @Test
    void aHistoryThatNeverRecordedTheColumnIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Sample.lastOf("q", "q", List.of(history(1), history(Double.NaN, Double.NaN))));
    }
}

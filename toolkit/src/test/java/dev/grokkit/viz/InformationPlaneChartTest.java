package dev.grokkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class InformationPlaneChartTest {

    @Test
    void rangesAreJoinedAndNonFiniteMeansLeftOut() {
        double n = Double.NaN;
        Table plane = Table.create("plane", IntColumn.create("step", new int[] {0, 10, 20, 100, 200}),
                DoubleColumn.create("ixt:h:test", new double[] {1, 2, n, 3, 4}),
                DoubleColumn.create("ity:h:test", new double[] {0.5, 0.6, 0.7, 0.8, 0.9}),
                DoubleColumn.create("ixt:h:test:sd", new double[] {0.1, n, 0.1, 0.2, 0}),
                DoubleColumn.create("ity:h:test:sd", new double[] {0.01, 0.02, 0.03, n, 0.05}));
        XYChart chart = InformationPlaneChart.of(plane, "h", "test", 2.3, 0, 50, 201);
        var early = chart.getSeriesMap().get("steps 0-49");
        assertArrayEquals(new double[] {1, 2, 3}, early.getXData()); // step 20 left out; joined to step 100
        assertArrayEquals(new double[] {0.01, 0.02, 0}, early.getExtraValues()); // a NaN sd draws no bar
        assertArrayEquals(new double[] {3, 4}, chart.getSeriesMap().get("steps 50-200").getXData());
        assertTrue(chart.getSeriesMap().containsKey("steps 0-49 x-error 0")); // sd 0.1 at step 0
        // bars at steps 0 and 100 of the first range, 100 of the second; none for a NaN or zero sd
        assertEquals(3, chart.getSeriesMap().keySet().stream().filter(k -> k.contains("x-error")).count());
        assertArrayEquals(new double[] {2.3, 2.3}, chart.getSeriesMap().get("H(Y)").getYData());
        BitmapEncoder.getBufferedImage(chart);
    }
}

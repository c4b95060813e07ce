package dev.grokkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

    private static Table run(String name, double offset) {
        return Table.create(name, IntColumn.create("step", new int[] {0, 10, 100}),
                DoubleColumn.create("train_acc", new double[] {0.1 + offset, Double.NaN, 1}),
                DoubleColumn.create("test_acc", new double[] {0.1, 0.2, 0.9}));
    }

    @Test
    void linesSkipMissingValuesAndLogAxisDropsStepZero(@TempDir Path dir) throws Exception {
        LineChart chart = Charts.lines(run("r", 0), "step", "train_acc", "test_acc");
        assertEquals(2, chart.getSeriesMap().size());
        assertArrayEquals(new double[] {0, 100}, chart.getSeriesMap().get("train_acc").getXData(), 0);
        chart.logX().title("grokking");
        assertArrayEquals(new double[] {10, 100}, chart.getSeriesMap().get("test_acc").getXData(), 0);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        Path png = dir.resolve("c.png");
        chart.savePng(png);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void overlayDrawsOneLinePerRun() {
        LineChart chart = Charts.overlay(Map.of("a", run("a", 0), "b", run("b", 0.5)), "step", "test_acc");
        assertEquals(2, chart.getSeriesMap().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.lines(run("r", 0), "step", "nope"));
        assertTrue(e.getMessage().contains("'nope'"));
    }
}

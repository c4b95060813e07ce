package dev.grokkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
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

    private static final Color MARK = new Color(255, 0, 255);

    /** The image column with the most pixels of the mark's colour, and how many it has. */
    private static int[] markColumn(LineChart chart) {
        chart.getStyler().setAnnotationLineColor(MARK);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int best = -1;
        int most = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            int count = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                count += image.getRGB(x, y) == MARK.getRGB() ? 1 : 0;
            }
            if (count > most) {
                most = count;
                best = x;
            }
        }
        return new int[] {best, most};
    }

    @Test
    void markDrawsAVerticalLineAtTheStepOutsideTheLegend() {
        LineChart at10 = Charts.lines(run("r", 0), "step", "test_acc").logX().mark(10, "t_mem");
        LineChart at100 = Charts.lines(run("r", 0), "step", "test_acc").logX().mark(100, "t_grok");
        assertEquals(1, at10.getSeriesMap().size(), "a mark is not a series");
        int[] line10 = markColumn(at10);
        int[] line100 = markColumn(at100);
        assertTrue(line10[1] > 100 && line100[1] > 100, "a vertical line of the plot's height: " + line10[1]);
        assertTrue(line100[0] > line10[0] + 100, "step 100 is right of step 10: " + line10[0] + " " + line100[0]);
        LineChart never = Charts.lines(run("r", 0), "step", "test_acc").mark(-1, "t_grok").mark(0, "start");
        assertEquals(0, markColumn(never)[1], "-1 (never) and 0 draw nothing");
    }
}

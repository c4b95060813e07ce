package dev.grokkit.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;

class HorizontalErrorBarsTest {

    @Test
    void eachFinitePointWithAnErrorGetsABarFromXMinusEToXPlusE() {
        XYChart chart = new XYChart(400, 300);
        chart.addSeries("points", new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});
        List<XYSeries> bars = HorizontalErrorBars.add(chart, "points", new double[] {1, 2, 3, Double.NaN},
                new double[] {5, 6, 7, 8}, new double[] {0.5, 0, Double.NaN, 1}, Color.RED);
        assertEquals(1, bars.size()); // zero, NaN error and NaN x get no bar
        XYSeries bar = chart.getSeriesMap().get("points x-error 0");
        assertArrayEquals(new double[] {0.5, 1.5}, bar.getXData(), 0);
        assertArrayEquals(new double[] {5, 5}, bar.getYData(), 0);
        assertEquals(Color.RED, bar.getLineColor());
        assertFalse(bar.isShowInLegend());
        assertEquals(2, chart.getSeriesMap().size());
    }

    @Test
    void theBarIsDrawnAcrossThePoint() {
        XYChart chart = new XYChart(400, 300);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        XYSeries corners = chart.addSeries("corners", new double[] {0, 10}, new double[] {0, 10}); // sets the axes
        corners.setLineColor(Color.WHITE);
        corners.setMarkerColor(Color.WHITE);
        HorizontalErrorBars.add(chart, "p", new double[] {5}, new double[] {5}, new double[] {4}, Color.RED);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int red = 0, longest = 0, run = 0;
        for (int row = 0; row < image.getHeight(); row++) {
            run = 0;
            for (int col = 0; col < image.getWidth(); col++) {
                Color c = new Color(image.getRGB(col, row));
                boolean isRed = c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80;
                red += isRed ? 1 : 0;
                run = isRed ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        // a horizontal red line over most of the plot's width (8 of 10 x units)
        assertTrue(longest > image.getWidth() / 2, "longest red run " + longest + " of " + image.getWidth());
        assertTrue(red < 6 * longest, "a horizontal line, not a block: " + red + " red pixels");
    }

    @Test
    void rejectsUnequalLengthsAndNegativeErrors() {
        XYChart chart = new XYChart(400, 300);
        assertThrows(IllegalArgumentException.class, () -> HorizontalErrorBars.add(chart, "p", new double[] {1},
                new double[] {1, 2}, new double[] {1}, Color.RED));
        assertThrows(IllegalArgumentException.class, () -> HorizontalErrorBars.add(chart, "p", new double[] {1},
                new double[] {1}, new double[] {-1}, Color.RED));
    }
}

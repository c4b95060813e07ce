package dev.grokkit.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Horizontal error bars for an XChart {@link XYChart}, which draws only vertical ones: the bar of
 * point i is a two-point line series from (x_i - e_i, y_i) to (x_i + e_i, y_i), in the point's
 * colour, without markers and left out of the legend. Points with a non-finite coordinate or
 * error, or a zero error, get no bar.
 */
public final class HorizontalErrorBars {

    private static final BasicStroke STROKE = new BasicStroke(1.2f);

    private HorizontalErrorBars() {}

    /** Adds the bars of points (x, y) with half-widths error; returns the series added, named "name x-error i". */
    public static List<XYSeries> add(XYChart chart, String name, double[] x, double[] y, double[] error, Color color) {
        if (x.length != y.length || x.length != error.length) {
            throw new IllegalArgumentException("x, y and error must have equal lengths, were " + x.length + ", "
                    + y.length + " and " + error.length);
        }
        List<XYSeries> bars = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (error[i] < 0) {
                throw new IllegalArgumentException("error must be nonnegative, was " + error[i] + " at index " + i);
            }
            if (!(Double.isFinite(x[i]) && Double.isFinite(y[i]) && Double.isFinite(error[i]) && error[i] > 0)) {
                continue;
            }
            XYSeries bar = chart.addSeries(name + " x-error " + i, new double[] {x[i] - error[i], x[i] + error[i]},
                    new double[] {y[i], y[i]});
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineColor(color);
            bar.setLineStyle(STROKE);
            bar.setShowInLegend(false);
            bars.add(bar);
        }
        return bars;
    }
}

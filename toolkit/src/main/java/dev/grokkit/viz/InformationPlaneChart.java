package dev.grokkit.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * One layer's trajectory on the information plane, I(T;Y) against I(X;T), from a table with
 * "step", "ixt:LAYER:SPLIT", "ity:LAYER:SPLIT" and their ":sd" columns (an InformationPlaneProbe
 * with repetitions, or a seed spread of its runs). The trajectory is split into step ranges
 * coloured from blue (early) to red (late), each range joined to the next one's first point;
 * vertical bars are the sd of I(T;Y), horizontal ones that of I(X;T); a dashed line marks H(Y),
 * the ceiling of I(T;Y). Rows with a non-finite mean are left out; a NaN sd draws no bar.
 */
public final class InformationPlaneChart {

    private InformationPlaneChart() {}

    /** The panel of {@code layer} on {@code split}, coloured by the step ranges [edges[r], edges[r+1]). */
    public static XYChart of(Table plane, String layer, String split, double labelEntropy, long... edges) {
        String key = layer + ":" + split;
        List<double[]> points = new ArrayList<>(); // step, I(X;T), I(T;Y), sd I(X;T), sd I(T;Y)
        for (int i = 0; i < plane.rowCount(); i++) {
            double[] p = {plane.numberColumn("step").getDouble(i), plane.numberColumn("ixt:" + key).getDouble(i),
                    plane.numberColumn("ity:" + key).getDouble(i), plane.numberColumn("ixt:" + key + ":sd").getDouble(i),
                    plane.numberColumn("ity:" + key + ":sd").getDouble(i)};
            if (Double.isFinite(p[1]) && Double.isFinite(p[2])) {
                points.add(p);
            }
        }
        XYChart chart = new XYChartBuilder().width(480).height(340).title(layer + ", " + split + " subset")
                .xAxisTitle("I(X;T) (nats)").yAxisTitle("I(T;Y) (nats)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (int r = 0; r + 1 < edges.length; r++) {
            List<double[]> range = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                double s = points.get(i)[0];
                boolean inRange = s >= edges[r] && s < edges[r + 1];
                boolean joinsNext = !range.isEmpty() && s >= edges[r + 1] && range.get(range.size() - 1)[0] < edges[r + 1];
                if (inRange || joinsNext) {
                    range.add(points.get(i));
                }
                if (joinsNext) {
                    break;
                }
            }
            if (!range.isEmpty()) {
                addRange(chart, "steps " + edges[r] + "-" + (edges[r + 1] - 1), range, colour(r, edges.length - 1));
            }
        }
        double lo = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double hi = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
        XYSeries ceiling = chart.addSeries("H(Y)", new double[] {lo, hi}, new double[] {labelEntropy, labelEntropy});
        ceiling.setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH).setLineColor(Color.GRAY);
        return chart;
    }

    private static void addRange(XYChart chart, String name, List<double[]> range, Color colour) {
        double[][] c = new double[5][range.size()];
        for (int i = 0; i < range.size(); i++) {
            for (int j = 0; j < 5; j++) {
                double v = range.get(i)[j];
                c[j][i] = j >= 3 && !Double.isFinite(v) ? 0 : v;
            }
        }
        XYSeries series = chart.addSeries(name, c[1], c[2], c[4]);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(colour).setLineColor(colour).setLineStyle(SeriesLines.SOLID);
        HorizontalErrorBars.add(chart, name, c[1], c[2], c[3], colour);
    }

    /** Range r of n, from blue to red. */
    private static Color colour(int r, int n) {
        float f = n <= 1 ? 0 : r / (float) (n - 1);
        return new Color(f, 0.15f, 1 - f);
    }
}

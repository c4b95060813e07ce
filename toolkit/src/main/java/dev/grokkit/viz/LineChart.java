package dev.grokkit.viz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XChart {@link XYChart} of lines read from history columns, with fluent settings. It is an
 * ordinary XYChart, so notebooks render it inline and XChart can save it. Missing values are
 * left out of a line; on a log axis so are non-positive values.
 */
public final class LineChart extends XYChart {

    private final Map<String, double[][]> source = new LinkedHashMap<>();
    private boolean logX;
    private boolean logY;

    LineChart(int width, int height) {
        super(width, height);
        getStyler().setMarkerSize(0);
        getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        getStyler().setPlotGridLinesVisible(true);
    }

    /** Adds a line (x, y); pairs with a NaN are skipped. */
    LineChart line(String name, double[] x, double[] y) {
        if (source.containsKey(name)) {
            throw new IllegalArgumentException("the chart already has a line '" + name + "'");
        }
        source.put(name, new double[][] {x, y});
        addFiltered(name, x, y);
        return this;
    }

    private void addFiltered(String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0) && (!logY || y[i] > 0);
            if (ok) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
        XYSeries series = addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
    }

    private LineChart redraw() {
        for (String name : source.keySet()) {
            removeSeries(name);
        }
        source.forEach((name, xy) -> addFiltered(name, xy[0], xy[1]));
        getStyler().setXAxisLogarithmic(logX);
        getStyler().setYAxisLogarithmic(logY);
        return this;
    }

    /** Logarithmic x axis (steps): the usual view of grokking. */
    public LineChart logX() {
        logX = true;
        return redraw();
    }

    public LineChart logY() {
        logY = true;
        return redraw();
    }

    public LineChart title(String title) {
        setTitle(title);
        return this;
    }

    public LineChart xLabel(String label) {
        setXAxisTitle(label);
        return this;
    }

    public LineChart yLabel(String label) {
        setYAxisTitle(label);
        return this;
    }

    /** Fixes the y axis range, e.g. (0, 1) for accuracies. */
    public LineChart yRange(double min, double max) {
        getStyler().setYAxisMin(min);
        getStyler().setYAxisMax(max);
        return this;
    }

    /**
     * A vertical line at x (e.g. the grokking step), labelled at the top of the lines: XChart's
     * {@link AnnotationLine}, not a series, so it stays out of the legend and the axis ranges.
     * x <= 0 draws nothing: a step of -1 means "never", and a log axis has no 0.
     */
    public LineChart mark(double x, String label) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return this;
        }
        addAnnotation(new AnnotationLine(x, true, false));
        double top = getStyler().getYAxisMax() != null ? getStyler().getYAxisMax() : highestY();
        if (!Double.isNaN(top)) {
            addAnnotation(new AnnotationText(label, x, top, false));
        }
        return this;
    }

    /** The largest finite y of the lines (positive ones on a log axis); NaN if there is none. */
    private double highestY() {
        double top = Double.NaN;
        for (double[][] xy : source.values()) {
            for (double y : xy[1]) {
                if (Double.isFinite(y) && (!logY || y > 0) && (Double.isNaN(top) || y > top)) {
                    top = y;
                }
            }
        }
        return top;
    }

    /** Writes the chart as a PNG file. */
    public LineChart savePng(Path file) {
        try {
            BitmapEncoder.saveBitmap(this, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart to " + file, e);
        }
        return this;
    }
}

package dev.grokkit.kernel;

import dev.grokkit.train.RunListener;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A training run's live view in a notebook: one display, updated in place, with a progress bar
 * and the latest accuracies, and a chart of train and test accuracy so far redrawn every few
 * seconds (and at the end). The kernel makes it every run's default listener.
 */
final class NotebookProgress implements RunListener {

    private static final long REDRAW_NANOS = 500_000_000L;
    private static final long CHART_NANOS = 5_000_000_000L;
    private static final String[] SHOWN = {"train_acc", "test_acc", "train_loss", "test_loss"};

    /** Shows (id, data) the first time and replaces it afterwards. */
    private final BiConsumer<String, DisplayData> show;
    private final BiConsumer<String, DisplayData> update;
    private final String id = UUID.randomUUID().toString();
    private final List<Double> steps = new ArrayList<>();
    private final List<Double> trainAcc = new ArrayList<>();
    private final List<Double> testAcc = new ArrayList<>();
    private String title = "";
    private long total = 1;
    private long startNanos;
    private long lastRedraw;
    private long lastChart;
    private String chartPng;
    private Map<String, Double> latest = Map.of();

    NotebookProgress(BiConsumer<String, DisplayData> show, BiConsumer<String, DisplayData> update) {
        this.show = show;
        this.update = update;
    }

    @Override
    public void started(String title, long totalSteps) {
        this.title = title;
        this.total = Math.max(1, totalSteps);
        this.startNanos = System.nanoTime();
        this.lastChart = startNanos;
        show.accept(id, view(0, null));
    }

    @Override
    public void logged(long step, Map<String, Double> row) {
        latest = row;
        double train = row.getOrDefault("train_acc", Double.NaN);
        double test = row.getOrDefault("test_acc", Double.NaN);
        if (Double.isFinite(train) && Double.isFinite(test)) {
            steps.add((double) step);
            trainAcc.add(train);
            testAcc.add(test);
        }
        long now = System.nanoTime();
        if (now - lastChart >= CHART_NANOS && !steps.isEmpty()) { // a sweep's rows carry no accuracies
            lastChart = now;
            chartPng = Renderers.png(chart());
        }
        if (now - lastRedraw >= REDRAW_NANOS) {
            lastRedraw = now;
            update.accept(id, view(step, null));
        }
    }

    @Override
    public void finished(long step, String reason) {
        if (!steps.isEmpty()) {
            chartPng = Renderers.png(chart());
        }
        update.accept(id, view(step, reason));
    }

    private DisplayData view(long step, String reason) {
        String status = status(step, reason);
        double fraction = Math.min(1.0, (double) step / total);
        StringBuilder html = new StringBuilder("<div class=\"grokkit-progress\"><b>")
                .append(TableHtml.escape(title)).append("</b> ")
                .append(String.format(Locale.ROOT, "<progress value=\"%.4f\" max=\"1\" style=\"width:40%%\"></progress> ",
                        fraction))
                .append(TableHtml.escape(status));
        if (chartPng != null) {
            html.append("<br><img src=\"data:image/png;base64,").append(chartPng).append("\"/>");
        }
        DisplayData data = new DisplayData(title + " " + status);
        data.putHTML(html.append("</div>").toString());
        return data;
    }

    private String status(long step, String reason) {
        StringBuilder sb = new StringBuilder().append(step).append('/').append(total);
        for (String key : SHOWN) {
            Double v = latest.get(key);
            if (v != null && !v.isNaN()) {
                sb.append(String.format(Locale.ROOT, "  %s %.3f", key, v));
            }
        }
        sb.append(String.format(Locale.ROOT, "  %.1f s", (System.nanoTime() - startNanos) / 1e9));
        if (reason != null) {
            sb.append("  (").append(reason).append(')');
        }
        return sb.toString();
    }

    private XYChart chart() {
        XYChart chart = new XYChartBuilder().width(560).height(260).title(title).xAxisTitle("step")
                .yAxisTitle("accuracy").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("train_acc", steps, trainAcc).setMarker(SeriesMarkers.NONE);
        chart.addSeries("test_acc", steps, testAcc).setMarker(SeriesMarkers.NONE);
        return chart;
    }
}

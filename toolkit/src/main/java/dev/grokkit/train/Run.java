package dev.grokkit.train;

import ai.djl.ndarray.NDManager;
import dev.grokkit.analysis.GrokkingTimes;
import dev.grokkit.model.GrokModel;
import dev.grokkit.viz.HtmlDisplay;
import java.util.Locale;
import java.util.Map;

/**
 * The result of running an experiment: its history, the trained model (still open for analysis:
 * close the run to free its native memory), how many steps were made and why it ended.
 */
public final class Run implements AutoCloseable, HtmlDisplay {

    private final Experiment experiment;
    private final GrokModel model;
    private final NDManager manager;
    private final History history;
    private final long steps;
    private final String stopReason;
    private final double seconds;

    Run(Experiment experiment, GrokModel model, NDManager manager, History history, long steps,
            String stopReason, double seconds) {
        this.experiment = experiment;
        this.model = model;
        this.manager = manager;
        this.history = history;
        this.steps = steps;
        this.stopReason = stopReason;
        this.seconds = seconds;
    }

    public Experiment experiment() {
        return experiment;
    }

    public History history() {
        return history;
    }

    public GrokModel model() {
        return model;
    }

    /** Updates made. */
    public long steps() {
        return steps;
    }

    public String stopReason() {
        return stopReason;
    }

    /** Wall-clock seconds of this call (not of earlier sessions of a resumed run). */
    public double seconds() {
        return seconds;
    }

    /** Memorization and grokking steps at accuracy 0.99. */
    public GrokkingTimes grokking() {
        return GrokkingTimes.of(history);
    }

    public GrokkingTimes grokking(double threshold) {
        return GrokkingTimes.of(history, threshold);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        Map<String, Double> last = history.lastRow();
        return String.format(Locale.ROOT, "%s: %d steps in %.1f s (%s); final train acc %.4f, test acc %.4f; %s",
                experiment.name(), steps, seconds, stopReason, last.getOrDefault("train_acc", Double.NaN),
                last.getOrDefault("test_acc", Double.NaN), grokking());
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div class=\"grokkit-run\"><b>")
                .append(HtmlDisplay.escape(experiment.name())).append("</b><br>")
                .append(HtmlDisplay.escape(experiment.describe())).append("<br>")
                .append(String.format(Locale.ROOT, "%d steps in %.1f s: %s<br>", steps, seconds, HtmlDisplay.escape(stopReason)))
                .append(HtmlDisplay.escape(grokking().toString()))
                .append("<table><tr>");
        Map<String, Double> last = history.lastRow();
        last.keySet().forEach(k -> sb.append("<th>").append(HtmlDisplay.escape(k)).append("</th>"));
        sb.append("</tr><tr>");
        last.values().forEach(v -> sb.append(String.format(Locale.ROOT, "<td>%.4g</td>", v)));
        return sb.append("</tr></table></div>").toString();
    }
}

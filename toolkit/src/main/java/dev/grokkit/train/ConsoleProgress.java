package dev.grokkit.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * A progress bar on standard error: on a terminal one line redrawn at each logged row; when
 * the output is a file or a pipe (CI, scripts), a new line at every tenth of the run instead.
 */
public final class ConsoleProgress implements RunListener {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean redraw;
    private long lastTenth = -1;
    private long total = 1;
    private long startNanos;
    private String title = "";

    public ConsoleProgress() {
        this(System.err, System.console() != null);
    }

    /** Writes to {@code out}, redrawing one line if {@code redraw}, else one line per tenth. */
    public ConsoleProgress(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    @Override
    public void started(String title, long totalSteps) {
        this.title = title;
        this.total = Math.max(1, totalSteps);
        this.startNanos = System.nanoTime();
    }

    @Override
    public void logged(long step, Map<String, Double> row) {
        if (redraw) {
            out.print("\r" + line(step, row));
            out.flush();
        } else if (10 * step / total > lastTenth) {
            lastTenth = 10 * step / total;
            out.println(line(step, row));
        }
    }

    @Override
    public void finished(long step, String reason) {
        out.println((redraw ? "\r" : "") + line(step, Map.of()) + "  " + reason);
    }

    String line(long step, Map<String, Double> row) {
        int filled = (int) Math.min(WIDTH, WIDTH * step / total);
        StringBuilder sb = new StringBuilder(title.isEmpty() ? "" : title + " ");
        sb.append('[').append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
        sb.append(step).append('/').append(total);
        for (String key : new String[] {"train_acc", "test_acc", "train_loss"}) {
            Double v = row.get(key);
            if (v != null) {
                sb.append(String.format(Locale.ROOT, " %s %.3f", key, v));
            }
        }
        sb.append(String.format(Locale.ROOT, " %.1fs", (System.nanoTime() - startNanos) / 1e9));
        return sb.toString();
    }
}

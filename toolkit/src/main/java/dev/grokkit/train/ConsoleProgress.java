package dev.grokkit.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** A one-line progress bar on standard error, redrawn at each logged row. */
public final class ConsoleProgress implements RunListener {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private long total = 1;
    private long startNanos;
    private String title = "";

    public ConsoleProgress() {
        this(System.err);
    }

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(String title, long totalSteps) {
        this.title = title;
        this.total = Math.max(1, totalSteps);
        this.startNanos = System.nanoTime();
    }

    @Override
    public void logged(long step, Map<String, Double> row) {
        out.print("\r" + line(step, row));
        out.flush();
    }

    @Override
    public void finished(long step, String reason) {
        out.println("\r" + line(step, Map.of()) + "  " + reason);
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

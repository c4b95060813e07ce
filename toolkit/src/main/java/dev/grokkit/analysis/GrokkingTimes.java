package dev.grokkit.analysis;

import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * When a run memorized and when it generalized: the first logged step at which train accuracy
 * reaches the threshold (memorization, t_mem) and the first at which test accuracy does
 * (grokking, t_grok). Steps are -1 when the threshold is never reached. Resolution is the
 * history's logging interval.
 */
public record GrokkingTimes(double threshold, long memorizationStep, long grokkingStep) {

    /** Reads columns "step", "train_acc" and "test_acc" of a history. */
    public static GrokkingTimes of(Table history, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        for (String c : new String[] {"step", "train_acc", "test_acc"}) {
            if (!history.containsColumn(c)) {
                throw new IllegalArgumentException("history has no '" + c + "' column; columns: "
                        + history.columnNames());
            }
        }
        return new GrokkingTimes(threshold, firstAtLeast(history, "train_acc", threshold),
                firstAtLeast(history, "test_acc", threshold));
    }

    /** With the usual threshold 0.99. */
    public static GrokkingTimes of(Table history) {
        return of(history, 0.99);
    }

    private static long firstAtLeast(Table history, String column, double threshold) {
        var values = history.numberColumn(column);
        var steps = history.numberColumn("step");
        for (int i = 0; i < history.rowCount(); i++) {
            double v = values.getDouble(i);
            if (!Double.isNaN(v) && v >= threshold) {
                return (long) steps.getDouble(i);
            }
        }
        return -1;
    }

    public boolean memorized() {
        return memorizationStep >= 0;
    }

    public boolean grokked() {
        return grokkingStep >= 0;
    }

    /** t_grok - t_mem, or -1 unless both happened. */
    public long delay() {
        return memorized() && grokked() ? grokkingStep - memorizationStep : -1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "memorized (train acc >= %.2f) at step %s, generalized (test acc >= %.2f) at step %s%s",
                threshold, memorized() ? memorizationStep : "never", threshold,
                grokked() ? grokkingStep : "never", delay() >= 0 ? ", delay " + delay() + " steps" : "");
    }
}

package dev.grokkit.analysis;

import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * When a run memorized and when it generalized: the first logged step at which train accuracy
 * reaches the threshold (memorization, t_mem) and the first at which test accuracy does
 * (grokking, t_grok). Steps are -1 when the threshold is never reached. Resolution is the
 * history's logging interval. The static helpers read any column of a history the same way.
 */
public record GrokkingTimes(double threshold, long memorizationStep, long grokkingStep) {

    /** Reads columns "step", "train_acc" and "test_acc" of a history. */
    public static GrokkingTimes of(Table history, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        checkColumns(history, "step", "train_acc", "test_acc");
        return new GrokkingTimes(threshold, firstAtLeast(history, "train_acc", threshold),
                firstAtLeast(history, "test_acc", threshold));
    }

    /** With the usual threshold 0.99. */
    public static GrokkingTimes of(Table history) {
        return of(history, 0.99);
    }

    /** The first logged step at which {@code column} is at least {@code threshold}; -1 if never. */
    public static long firstAtLeast(Table history, String column, double threshold) {
        checkColumns(history, "step", column);
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

    /** {@code column} at a logged step; NaN if that step was not logged (or is -1, "never"). */
    public static double valueAt(Table history, String column, long step) {
        checkColumns(history, "step", column);
        var values = history.numberColumn(column);
        var steps = history.numberColumn("step");
        for (int i = 0; i < history.rowCount(); i++) {
            if (steps.getDouble(i) == step) {
                return values.getDouble(i);
            }
        }
        return Double.NaN;
    }

    /**
     * {@code column}'s finite value at the logged step nearest {@code step} (the earlier on a tie), for
     * columns a probe measures at fewer steps than the history logs; NaN if it has none.
     */
    public static double valueNear(Table history, String column, long step) {
        checkColumns(history, "step", column);
        var steps = history.numberColumn("step");
        var values = history.numberColumn(column);
        double best = Double.NaN;
        double distance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < history.rowCount(); i++) {
            double v = values.getDouble(i);
            double d = Math.abs(steps.getDouble(i) - step);
            if (Double.isFinite(v) && d < distance) {
                best = v;
                distance = d;
            }
        }
        return best;
    }

    /** A step as text: the number, or "never" for -1 (a threshold never reached). */
    public static String stepOrNever(long step) {
        return step < 0 ? "never" : Long.toString(step);
    }

    private static void checkColumns(Table history, String... columns) {
        for (String c : columns) {
            if (!history.containsColumn(c)) {
                throw new IllegalArgumentException("history '" + history.name() + "' has no '" + c + "' column; columns: "
                        + history.columnNames());
            }
        }
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
                threshold, stepOrNever(memorizationStep), threshold, stepOrNever(grokkingStep), delay() >= 0 ? ", delay " + delay() + " steps" : "");
    }
}

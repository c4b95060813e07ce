package dev.grokkit.analysis;

import tech.tablesaw.api.Table;

/**
 * Where a column of a history (columns "step", "train_acc", "test_acc") moves relative to the
 * run's grokking, with t_mem and t_grok at threshold 0.99 ({@link GrokkingTimes}). A run that never
 * grokked is read at its last logged step (its t_grok is censored there); offsets are fractions
 * of t_grok:
 *
 * <pre>
 *   steepest offset = |t_steepest(column, from t_mem) - t_steepest rise(test_acc)| / t_grok
 *   peak offset     = |t_peak(column, from t_mem) - t(test_acc >= turn)| / t_grok
 *   change          = column(t_grok) - column(t_mem)
 * </pre>
 */
public final class GrokkingAlignment {

    private static final double THRESHOLD = 0.99;

    private GrokkingAlignment() {}

    /** t_grok, or the last logged step when the run never grokked. */
    public static long grokkingStepOrEnd(Table history) {
        long t = GrokkingTimes.of(history, THRESHOLD).grokkingStep();
        return t >= 0 ? t : lastStep(history);
    }

    /** {@code column} at a logged step, or in the last row when the step is -1 ("never reached"). */
    public static double valueAtOrEnd(Table history, String column, long step) {
        return GrokkingTimes.valueAt(history, column, step < 0 ? lastStep(history) : step);
    }

    /** The rows from t_mem on (all rows when the run never memorized). */
    public static Table afterMemorization(Table history) {
        return ColumnTrends.from(history, Math.max(0, GrokkingTimes.of(history, THRESHOLD).memorizationStep()));
    }

    /**
     * How far the steepest change of {@code column} from t_mem on lies from the steepest rise of test
     * accuracy, as a fraction of t_grok; both on the rows whose step is a multiple of {@code every}.
     */
    public static double steepestOffset(Table history, String column, long every) {
        long sharp = ColumnTrends.steepestStep(afterMemorization(history), column, 0, every);
        long rise = ColumnTrends.steepestStep(history, "test_acc", +1, every);
        return Math.abs(sharp - rise) / (double) grokkingStepOrEnd(history);
    }

    /**
     * How far the peak of {@code column} from t_mem on lies from the first step where test accuracy
     * reaches {@code turn} (the last step if never), as a fraction of t_grok.
     */
    public static double peakOffset(Table history, String column, double turn) {
        long peak = ColumnTrends.peakStep(afterMemorization(history), column);
        long rise = GrokkingTimes.firstAtLeast(history, "test_acc", turn);
        return Math.abs(peak - (rise < 0 ? lastStep(history) : rise)) / (double) grokkingStepOrEnd(history);
    }

    /** {@code column} at t_grok (the end if never) minus at t_mem (step 0 if never). */
    public static double changeOverGrokking(Table history, String column) {
        GrokkingTimes g = GrokkingTimes.of(history, THRESHOLD);
        return valueAtOrEnd(history, column, g.grokkingStep()) - GrokkingTimes.valueAt(history, column, Math.max(0, g.memorizationStep()));
    }

    /** The rows logged before the run fitted its training set (train accuracy below 1). */
    public static Table beforeFitting(Table history) {
        return history.where(history.numberColumn("train_acc").isLessThan(1.0));
    }

    /**
     * The largest finite log10(a / b) over the rows where {@code a} is measured and the run fits its
     * training set (train accuracy 1); over the last measured row when it never does; NaN if none is finite.
     */
    public static double maxLog10RatioWhenFitted(Table history, String a, String b) {
        Table m = ColumnTrends.measured(history, a);
        Table fitted = m.where(m.numberColumn("train_acc").isEqualTo(1.0));
        Table rows = fitted.rowCount() > 0 ? fitted : m.last(1);
        double max = Double.NaN;
        for (int i = 0; i < rows.rowCount(); i++) {
            double r = Math.log10(rows.numberColumn(a).getDouble(i) / rows.numberColumn(b).getDouble(i));
            if (Double.isFinite(r) && (Double.isNaN(max) || r > max)) {
                max = r;
            }
        }
        return max;
    }

    private static long lastStep(Table history) {
        return (long) history.numberColumn("step").getDouble(history.rowCount() - 1);
    }
}

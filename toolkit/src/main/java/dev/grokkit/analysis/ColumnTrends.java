package dev.grokkit.analysis;

import java.util.stream.IntStream;
import tech.tablesaw.api.Table;

/**
 * How a column of a history (a table with a "step" column) moves over training: where it peaks,
 * where it changes fastest, its least-squares slope, how often it falls, and its Pearson
 * correlation with another column. Rows where the column is missing (probes that run at a few
 * steps) are skipped.
 */
public final class ColumnTrends {

    private ColumnTrends() {}

    /** The rows where {@code column} was measured. */
    public static Table measured(Table history, String column) {
        return history.where(history.numberColumn(column).isNotMissing());
    }

    /** The rows at or after {@code step}. */
    public static Table from(Table history, long step) {
        return history.where(history.numberColumn("step").isGreaterThanOrEqualTo(step));
    }

    /** The logged step where {@code column} is largest (the first such step); -1 if never measured. */
    public static long peakStep(Table history, String column) {
        Table m = measured(history, column);
        double[] v = m.numberColumn(column).asDoubleArray();
        return IntStream.range(0, v.length).boxed().reduce((a, b) -> v[b] > v[a] ? b : a)
                .map(i -> (long) m.numberColumn("step").getDouble(i)).orElse(-1L);
    }

    /**
     * Whether {@code column} is largest at its first measured row (it never rose above its starting
     * value): then its peak step is that row whatever happens later, and "peaks before X" holds by
     * construction. False if never measured.
     */
    public static boolean peaksAtStart(Table history, String column) {
        Table m = measured(history, column);
        return m.rowCount() > 0 && peakStep(m, column) == (long) m.numberColumn("step").getDouble(0);
    }

    /**
     * The step ending the interval of largest change between consecutive rows whose step is a
     * multiple of {@code every} (evenly spaced, so dense early logging does not favour the first
     * steps): sign +1 the largest rise, -1 the largest fall, 0 either; -1 if fewer than 2 such rows.
     */
    public static long steepestStep(Table history, String column, int sign, long every) {
        Table m = measured(history, column);
        double[] st = m.numberColumn("step").asDoubleArray();
        double[] v = m.numberColumn(column).asDoubleArray();
        int[] even = IntStream.range(0, st.length).filter(i -> st[i] % every == 0).toArray();
        long best = -1;
        double change = Double.NEGATIVE_INFINITY;
        for (int j = 1; j < even.length; j++) {
            double d = v[even[j]] - v[even[j - 1]];
            double c = sign == 0 ? Math.abs(d) : Math.signum(sign) * d;
            if (c > change) {
                change = c;
                best = (long) st[even[j]];
            }
        }
        return best;
    }

    /** Least-squares slope of {@code column} against the step; NaN with fewer than 3 measured rows. */
    public static double slope(Table history, String column) {
        Table m = measured(history, column);
        return m.rowCount() < 3 ? Double.NaN
                : Fits.line(m.numberColumn("step").asDoubleArray(), m.numberColumn(column).asDoubleArray()).slope();
    }

    /** The fraction of consecutive measurements between which {@code column} fell; NaN with fewer than 2. */
    public static double fractionFalling(Table history, String column) {
        double[] v = measured(history, column).numberColumn(column).asDoubleArray();
        return v.length < 2 ? Double.NaN : (double) IntStream.range(1, v.length).filter(i -> v[i] < v[i - 1]).count() / (v.length - 1);
    }

    /** Pearson's r of two columns over the rows where both are finite; NaN with fewer than 3 such rows. */
    public static double correlation(Table history, String a, String b) {
        double[] x = history.numberColumn(a).asDoubleArray();
        double[] y = history.numberColumn(b).asDoubleArray();
        int[] ok = IntStream.range(0, x.length).filter(i -> Double.isFinite(x[i]) && Double.isFinite(y[i])).toArray();
        if (ok.length < 3) {
            return Double.NaN;
        }
        double mx = IntStream.of(ok).mapToDouble(i -> x[i]).average().orElseThrow();
        double my = IntStream.of(ok).mapToDouble(i -> y[i]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i : ok) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}

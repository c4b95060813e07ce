package dev.grokkit.analysis;

import tech.tablesaw.api.Table;

/**
 * When a curve rises, dated at its half rise: with v_lo the curve's minimum (first occurrence) and
 * v_hi its maximum after that, the first logged step after the minimum at which the curve reaches
 * v_lo + (v_hi - v_lo) / 2. Missing values are skipped; a rise smaller than {@code minimum} is
 * no rise (-1).
 */
public final class HalfRise {

    private HalfRise() {}

    /** The half-rise step of {@code column}, or -1 if it rises by less than {@code minimum}. */
    public static long step(Table history, String column, double minimum) {
        var steps = history.numberColumn("step");
        var values = history.numberColumn(column);
        int lo = -1;
        for (int i = 0; i < history.rowCount(); i++) {
            double v = values.getDouble(i);
            if (!Double.isNaN(v) && (lo < 0 || v < values.getDouble(lo))) {
                lo = i;
            }
        }
        if (lo < 0) {
            return -1;
        }
        int hi = lo;
        for (int i = lo; i < history.rowCount(); i++) {
            if (!Double.isNaN(values.getDouble(i)) && values.getDouble(i) > values.getDouble(hi)) {
                hi = i;
            }
        }
        double low = values.getDouble(lo);
        double rise = values.getDouble(hi) - low;
        if (rise < minimum) {
            return -1;
        }
        for (int i = lo; i <= hi; i++) {
            if (values.getDouble(i) >= low + rise / 2) {
                return (long) steps.getDouble(i);
            }
        }
        return -1; // not reached: hi itself qualifies
    }
}

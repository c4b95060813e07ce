package dev.grokkit.analysis;

/** The q-quantile of sorted values, interpolated linearly between order statistics (R's type 7). */
final class Percentiles {

    private Percentiles() {}

    /** h = (n - 1) q; the value at h, between sorted[floor h] and sorted[floor h + 1]. */
    static double of(double[] sorted, double q) {
        if (sorted.length == 0 || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile needs values and q in [0, 1], got " + sorted.length
                    + " values and q " + q);
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}

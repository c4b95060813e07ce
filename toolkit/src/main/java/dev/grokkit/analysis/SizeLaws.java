package dev.grokkit.analysis;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Three laws of a positive time t (e.g. the grokking step) against a size N (e.g. the training-set
 * size), each fitted by least squares on the same response ln t, so that their residuals, AIC and
 * BIC compare:
 *
 * <pre>
 *   exponential (Eyring):  ln t = a + b N                 (2 coefficients)
 *   power law:             ln t = a + b ln N              (2 coefficients)
 *   critical size:         ln t = a - g ln(N - N_c)       (3 coefficients, N_c below every N)
 * </pre>
 *
 * The critical-size law diverges as N falls to N_c (a critical training fraction N_c / p^2 below
 * which there is no grokking). It is fitted by profiling: for each N_c the best a and g are a line
 * in ln(N - N_c); N_c is the grid point (then refined by golden-section search) of least RSS.
 */
public final class SizeLaws {

    public static final String EXPONENTIAL = "exponential: ln t = a + b N";
    public static final String POWER = "power law: ln t = a + b ln N";
    public static final String CRITICAL = "critical size: ln t = a - g ln(N - N_c)";

    private SizeLaws() {}

    /** All three laws, in the order exponential, power law, critical size. */
    public static List<ModelFit> all(double[] n, double[] t) {
        return List.of(exponential(n, t), powerLaw(n, t), criticalSize(n, t));
    }

    public static ModelFit exponential(double[] n, double[] t) {
        return LogTimeFits.line(EXPONENTIAL, n, logs(n, t), x -> x);
    }

    public static ModelFit powerLaw(double[] n, double[] t) {
        return LogTimeFits.line(POWER, n, logs(n, t), Math::log);
    }

    /** Parameters a, g, N_c. */
    public static ModelFit criticalSize(double[] n, double[] t) {
        double[] y = logs(n, t);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : n) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // N_c = min - d, d log-spaced from 1e-3 of the smallest N to 100 times the largest
        double lo = Math.log(1e-3 * min);
        double hi = Math.log(100 * max);
        int grid = 400;
        double best = lo;
        double bestRss = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= grid; i++) {
            double u = lo + (hi - lo) * i / grid;
            double rss = criticalRss(n, y, min - Math.exp(u));
            if (rss < bestRss) {
                bestRss = rss;
                best = u;
            }
        }
        double step = (hi - lo) / grid;
        double u = goldenSection(n, y, min, Math.max(lo, best - step), Math.min(hi, best + step));
        double nc = min - Math.exp(u);
        SimpleRegression r = LogTimeFits.regression(shiftedLogs(n, nc), y);
        double a = r.getIntercept();
        double g = -r.getSlope();
        return new ModelFit(CRITICAL, n.length, 3, r.getSumSquaredErrors(), new double[] {a, g, nc},
                x -> a - g * Math.log(x - nc));
    }

    /**
     * The critical fit's N_c as a fraction of {@code total} (e.g. p^2 pairs), "critical fraction
     * 0.360", when N_c > 0; otherwise that the fit found no critical size above 0, with its N_c:
     * the profile then ran N_c down to where ln(N - N_c) is nearly linear in N, i.e. the law fell
     * back on the exponential, and a negative "fraction" would mean nothing.
     */
    public static String criticalFraction(ModelFit critical, double total) {
        if (!CRITICAL.equals(critical.name())) {
            throw new IllegalArgumentException("not a critical-size fit: " + critical.name());
        }
        double nc = critical.parameters()[2];
        return nc > 0 ? String.format(java.util.Locale.ROOT, "critical fraction %.3f", nc / total)
                : String.format(java.util.Locale.ROOT, "no critical size above 0 (fitted N_c = %.3g)", nc);
    }

    /** The u in [lo, hi] of least RSS, u = ln(min N - N_c), by golden-section search. */
    private static double goldenSection(double[] n, double[] y, double min, double lo, double hi) {
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        for (int i = 0; i < 60; i++) {
            double c = b - phi * (b - a);
            double d = a + phi * (b - a);
            if (criticalRss(n, y, min - Math.exp(c)) < criticalRss(n, y, min - Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
        }
        return (a + b) / 2;
    }

    private static double criticalRss(double[] n, double[] y, double nc) {
        return LogTimeFits.regression(shiftedLogs(n, nc), y).getSumSquaredErrors();
    }

    private static double[] shiftedLogs(double[] n, double nc) {
        double[] out = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            out[i] = Math.log(n[i] - nc);
        }
        return out;
    }

    private static double[] logs(double[] n, double[] t) {
        return LogTimeFits.logTimes("sizes", "N", n, t);
    }
}

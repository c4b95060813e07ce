package dev.grokkit.analysis;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * A two-sided Student t interval, estimate +- t_(df, (1 + confidence) / 2) * standard error: of a
 * mean (one sample, n - 1 degrees of freedom) or of a difference of two means (Welch, with the
 * Welch-Satterthwaite degrees of freedom). A standard error of 0 (all values equal) gives the
 * point itself, which decides nothing ({@link Evidence}).
 */
record TInterval(double estimate, double low, double high) {

    static TInterval of(double estimate, double standardError, double degreesOfFreedom, double confidence) {
        if (standardError == 0) {
            return new TInterval(estimate, estimate, estimate);
        }
        double t = new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2);
        return new TInterval(estimate, estimate - t * standardError, estimate + t * standardError);
    }

    /** The mean of x. */
    static TInterval mean(double[] x, double confidence) {
        return of(StatUtils.mean(x), Math.sqrt(StatUtils.variance(x) / x.length), x.length - 1, confidence);
    }

    /** mean x - mean y for independent samples with unequal variances (Welch). */
    static TInterval welch(double[] x, double[] y, double confidence) {
        double vx = StatUtils.variance(x) / x.length;
        double vy = StatUtils.variance(y) / y.length;
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        return of(StatUtils.mean(x) - StatUtils.mean(y), Math.sqrt(vx + vy), df, confidence);
    }

    /** e^estimate, e^low, e^high: an interval on a log scale back on the original one. */
    TInterval exp() {
        return new TInterval(Math.exp(estimate), Math.exp(low), Math.exp(high));
    }
}

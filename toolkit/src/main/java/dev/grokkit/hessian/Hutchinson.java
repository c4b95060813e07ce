package dev.grokkit.hessian;

import java.util.Random;

/**
 * Hutchinson's trace estimator: tr A = E[v^T A v] for v with independent Rademacher (+-1)
 * entries. Samples are drawn until the running mean changes by less than {@code tolerance}
 * relative to the previous mean, |m_k - m_(k-1)| / (|m_(k-1)| + 1e-6) < tol, or
 * {@code maxSamples} are used (PyHessian's rule and defaults: 1e-3, 100). The standard error is
 * the sample standard deviation of v^T A v over sqrt(samples). Immutable; the "with" methods
 * return changed copies.
 */
public final class Hutchinson {

    private final double tolerance;
    private final int maxSamples;
    private final long seed;

    private Hutchinson(double tolerance, int maxSamples, long seed) {
        this.tolerance = tolerance;
        this.maxSamples = maxSamples;
        this.seed = seed;
    }

    /** Tolerance 1e-3, at most 100 samples, seed 0. */
    public static Hutchinson withDefaults() {
        return new Hutchinson(1e-3, 100, 0);
    }

    /** Relative change of the mean that stops sampling; 0 always draws maxSamples. */
    public Hutchinson tolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        return new Hutchinson(tolerance, maxSamples, seed);
    }

    public Hutchinson maxSamples(int maxSamples) {
        if (maxSamples < 2) {
            throw new IllegalArgumentException("maxSamples must be >= 2 (for a standard error), was " + maxSamples);
        }
        return new Hutchinson(tolerance, maxSamples, seed);
    }

    public Hutchinson seed(long seed) {
        return new Hutchinson(tolerance, maxSamples, seed);
    }

    public TraceEstimate estimate(SymmetricOperator a) {
        Random random = new Random(seed);
        double sum = 0;
        double sumSquares = 0;
        double previousMean = 0;
        int m = 0;
        while (m < maxSamples) {
            double[] v = ProbeVectors.rademacher(a.dimension(), random);
            double q = Vectors.dot(v, a.apply(v));
            sum += q;
            sumSquares += q * q;
            m++;
            double mean = sum / m;
            boolean settled = m > 1 && Math.abs(mean - previousMean) / (Math.abs(previousMean) + 1e-6) < tolerance;
            previousMean = mean;
            if (settled) {
                break;
            }
        }
        double mean = sum / m;
        double variance = m > 1 ? Math.max(0, (sumSquares - m * mean * mean) / (m - 1)) : Double.NaN;
        return new TraceEstimate(mean, Math.sqrt(variance / m), m);
    }
}

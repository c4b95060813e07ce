package dev.grokkit.info;

/**
 * The largest entropy gap ln n - H(p) of a positive definite n x n matrix with condition number at
 * most kappa (entropy-gap paper, Theorem 3.2), p_i = l_i / sum_j l_j its normalized spectrum.
 *
 * <p>Scaling the eigenvalues to [1, kappa] changes nothing, and the spectra allowed form the polytope
 * {p in the simplex : p_i <= kappa p_j for all i, j}. H is concave, so its minimum (the largest gap)
 * is at a vertex: every p_i at one of two values of ratio kappa, k eigenvalues at kappa and n - k at 1:
 *
 * <pre>
 *   gap(k) = ln n - ln(k kappa + n - k) + k kappa ln kappa / (k kappa + n - k),   k = 1 .. n-1.
 * </pre>
 *
 * With t = k / n and s = 1 + t (kappa - 1), gap = -ln s + kappa ln kappa t / s, whose derivative in t
 * is (kappa ln kappa - (kappa - 1) s) / s^2: one peak, at s* = kappa ln kappa / (kappa - 1), of height
 * s* - 1 - ln s* (the bound for every n). The largest integer k is next to n t*, t* = (s* - 1) / (kappa - 1).
 *
 * <p>The paper's proof ends with one eigenvalue at kappa (k = 1), which is the maximum only while
 * n t* is small (kappa large against n); {@link #oneAtKappa} is that bound as we read it.
 */
public final class EntropyGapBound {

    private EntropyGapBound() {}

    /** gap(k): k eigenvalues kappa and n - k eigenvalues 1. */
    public static double twoValuedGap(int n, int k, double kappa) {
        check(n, kappa);
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in [0, n = " + n + "], was " + k);
        }
        double s = k * kappa + n - k;
        return Math.log(n) - Math.log(s) + k * kappa * Math.log(kappa) / s;
    }

    /** The paper's bound as we read it: gap(1), one eigenvalue at kappa and the others at 1. */
    public static double oneAtKappa(int n, double kappa) {
        return n == 1 ? 0 : twoValuedGap(n, 1, kappa);
    }

    /** The number k of eigenvalues at kappa that maximizes gap(k) (1 for n = 1 or kappa = 1). */
    public static int extremalCount(int n, double kappa) {
        check(n, kappa);
        if (n == 1 || kappa == 1) {
            return 1;
        }
        double near = n * peakFraction(kappa);
        int low = (int) Math.max(1, Math.min(n - 1, Math.floor(near)));
        int high = (int) Math.max(1, Math.min(n - 1, Math.ceil(near)));
        return twoValuedGap(n, high, kappa) > twoValuedGap(n, low, kappa) ? high : low;
    }

    /** The exact largest entropy gap of an n x n positive definite matrix of condition number <= kappa. */
    public static double maximum(int n, double kappa) {
        return n == 1 ? 0 : twoValuedGap(n, extremalCount(n, kappa), kappa);
    }

    /** s* - 1 - ln s*, s* = kappa ln kappa / (kappa - 1): the largest gap for any n (approached as n grows). */
    public static double anyDimension(double kappa) {
        check(1, kappa);
        if (kappa == 1) {
            return 0;
        }
        double s = kappa * Math.log(kappa) / (kappa - 1);
        return s - 1 - Math.log(s);
    }

    /** t* = (s* - 1) / (kappa - 1), the fraction of eigenvalues at kappa at the peak. */
    static double peakFraction(double kappa) {
        return (kappa * Math.log(kappa) / (kappa - 1) - 1) / (kappa - 1);
    }

    private static void check(int n, double kappa) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        if (!(kappa >= 1) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa must be finite and >= 1, was " + kappa);
        }
    }
}

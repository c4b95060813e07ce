package dev.grokkit.analysis;

import java.util.Arrays;

/**
 * The robustness guarantee of Theorem 3.2 of Tan &amp; Huang (arXiv 2311.06597). For an
 * interpolating solution W of the training risk on n points with sharpness S(W) (the trace of
 * the loss Hessian), Lemma 3.1 bounds the input gradients by ||W||_F^2 S(W) / min_i ||x_i||^2,
 * and every test point within the radius
 *
 * <pre>
 *   eps(W) = min{ 1, 1 / (2 (sqrt(n ||W||_F^2 S(W) / min_i ||x_i||^2) + L)) }
 * </pre>
 *
 * of a training point is classified as that point; so the test accuracy is at least the fraction
 * delta(eps) of test points whose nearest training point lies within eps. {@code L = 0} gives the
 * largest radius, the most favourable reading of the theorem.
 */
public final class RobustnessBound {

    private RobustnessBound() {}

    /** eps(W) above; NaN where the sharpness is not positive (the radius is then undefined). */
    public static double radius(int n, double weightSqNorm, double trace, double minInputSqNorm, double lipschitz) {
        if (n < 1 || !(minInputSqNorm > 0) || !(weightSqNorm >= 0) || !(lipschitz >= 0)) {
            throw new IllegalArgumentException("radius needs n >= 1, min ||x||^2 > 0, ||W||^2 >= 0 and L >= 0; got n "
                    + n + ", min ||x||^2 " + minInputSqNorm + ", ||W||^2 " + weightSqNorm + ", L " + lipschitz);
        }
        if (!(trace > 0)) {
            return Double.NaN;
        }
        return Math.min(1, 1 / (2 * (Math.sqrt(n * weightSqNorm * trace / minInputSqNorm) + lipschitz)));
    }

    /** min_i ||x_i||^2 over the rows. */
    public static double minSquaredNorm(double[][] rows) {
        return Arrays.stream(rows).mapToDouble(RobustnessBound::squaredNorm).min()
                .orElseThrow(() -> new IllegalArgumentException("no rows"));
    }

    /** For each test row, the Euclidean distance to its nearest training row, ascending. */
    public static double[] nearestDistances(double[][] train, double[][] test) {
        if (train.length == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        double[] nearest = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] x : train) {
                double d = 0;
                for (int k = 0; k < x.length && d < best; k++) {
                    double t = x[k] - test[i][k];
                    d += t * t;
                }
                best = Math.min(best, d);
            }
            nearest[i] = Math.sqrt(best);
        }
        Arrays.sort(nearest);
        return nearest;
    }

    /** delta(eps): the fraction of the (ascending) nearest distances that are at most eps; 0 for NaN eps. */
    public static double coveredFraction(double[] ascendingNearest, double eps) {
        if (ascendingNearest.length == 0 || Double.isNaN(eps)) {
            return 0;
        }
        int covered = 0;
        while (covered < ascendingNearest.length && ascendingNearest[covered] <= eps) {
            covered++;
        }
        return (double) covered / ascendingNearest.length;
    }

    private static double squaredNorm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }
}

package dev.grokkit.info;

import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Noisy gradient descent escaping a quadratic saddle, the picture of the entropy-gap paper's
 * section 3.1 (after Xie et al. 2022): near a saddle the displacement along an eigendirection of
 * negative curvature -lambda_i grows like (1 + eta lambda_i)^t ~ e^(eta lambda_i t), so the trace
 * sum_i lambda_i sets the total speed and the entropy gap of p_i = lambda_i / sum_j lambda_j how
 * unevenly the directions escape.
 *
 * <p>The toy is the saddle's unstable subspace, f(x) = -1/2 sum_i lambda_i x_i^2 in its eigenbasis
 * (isotropic noise is the same in every orthonormal basis), from x_0 = 0:
 *
 * <pre>
 *   x_(t+1) = x_t - eta grad f(x_t) + noise xi_t = (1 + eta lambda) * x_t + noise xi_t,   xi_t ~ N(0, I)
 *   loss escape        : the first t with f(x_t) <= -drop
 *   all-direction escape: the first t by which every |x_(t,i)| has reached radius
 * </pre>
 *
 * One direction alone: x_t = (1 + a)^t noise Z_t / sqrt(1 - (1 + a)^-2) with a = eta lambda and Z_t
 * tending to a standard normal, so it reaches r after about
 * [ln r - ln(noise |Z| / sqrt(1 - (1 + a)^-2))] / ln(1 + a) steps, E ln|Z| = -(gamma + ln 2) / 2.
 *
 * @param rate eta
 * @param noise the noise's standard deviation per step and coordinate
 * @param radius r, the displacement that counts as escaped along one direction
 * @param drop the loss drop that counts as escaped
 * @param maxSteps the budget; a run that has not escaped by then reports maxSteps
 */
public record SaddleEscape(double rate, double noise, double radius, double drop, long maxSteps) {

    /** The two escape times of one run, in steps. */
    public record Times(long loss, long allDirections) {}

    public SaddleEscape {
        if (!(rate > 0 && noise > 0 && radius > 0 && drop > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("rate, noise, radius and drop must be positive and maxSteps >= 1");
        }
    }

    /** eta 0.1, noise 1e-3, radius 1, loss drop 1, at most 10^7 steps. */
    public static SaddleEscape withDefaults() {
        return new SaddleEscape(0.1, 1e-3, 1, 1, 10_000_000);
    }

    /** One run from the saddle with negative curvatures -lambda_i (lambda_i > 0) and this noise seed. */
    public Times run(double[] lambda, long seed) {
        for (double l : lambda) {
            if (!(l > 0)) {
                throw new IllegalArgumentException("curvatures must be positive, got " + l);
            }
        }
        Random random = new Random(seed);
        double[] x = new double[lambda.length];
        boolean[] escaped = new boolean[lambda.length];
        int remaining = lambda.length;
        long lossTime = -1, allTime = -1;
        for (long t = 1; t <= maxSteps && (lossTime < 0 || allTime < 0); t++) {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = (1 + rate * lambda[i]) * x[i] + noise * random.nextGaussian();
                f -= 0.5 * lambda[i] * x[i] * x[i];
                if (!escaped[i] && Math.abs(x[i]) >= radius) {
                    escaped[i] = true;
                    remaining--;
                }
            }
            if (lossTime < 0 && f <= -drop) {
                lossTime = t;
            }
            if (allTime < 0 && remaining == 0) {
                allTime = t;
            }
        }
        return new Times(lossTime < 0 ? maxSteps : lossTime, allTime < 0 ? maxSteps : allTime);
    }

    /**
     * One run per seed and gap on n curvatures of sum {@code trace} in geometric progression
     * ({@link #geometricSpectrum}); run (seed s, gap k) uses noise seed 1000 s + k, so every run has
     * its own noise. Columns: seed, gap, lambda max, lambda min, loss escape, all-direction escape.
     */
    public Table sweep(int n, double trace, double[] gaps, int seeds) {
        Table t = Table.create("Escape from a saddle of " + n + " unstable directions, sum of curvatures " + trace,
                IntColumn.create("seed"), DoubleColumn.create("gap"), DoubleColumn.create("lambda max"),
                DoubleColumn.create("lambda min"), DoubleColumn.create("loss escape"),
                DoubleColumn.create("all-direction escape"));
        for (int s = 0; s < seeds; s++) {
            for (int k = 0; k < gaps.length; k++) {
                double[] lambda = geometricSpectrum(n, trace, gaps[k]);
                Times times = run(lambda, 1000L * s + k);
                t.intColumn("seed").append(s);
                t.doubleColumn("gap").append(entropyGap(lambda));
                t.doubleColumn("lambda max").append(lambda[0]);
                t.doubleColumn("lambda min").append(lambda[n - 1]);
                t.doubleColumn("loss escape").append(times.loss());
                t.doubleColumn("all-direction escape").append(times.allDirections());
            }
        }
        return t;
    }

    /** ln n - H(p), p_i = lambda_i / sum_j lambda_j. */
    public static double entropyGap(double[] lambda) {
        double sum = 0;
        for (double l : lambda) {
            sum += l;
        }
        double[] p = new double[lambda.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = lambda[i] / sum;
        }
        return Math.log(lambda.length) - MatrixEntropy.renyi(p, 1);
    }

    /**
     * n curvatures in geometric progression lambda_i = c q^i (q in (0, 1]) with sum {@code trace}
     * and entropy gap {@code gap}, in [0, ln n): the gap falls from ln n to 0 as q rises to 1, and
     * q is found by bisection.
     */
    public static double[] geometricSpectrum(int n, double trace, double gap) {
        if (n < 2 || !(trace > 0) || !(gap >= 0 && gap < Math.log(n))) {
            throw new IllegalArgumentException("need n >= 2, trace > 0 and gap in [0, ln n), got n = " + n
                    + ", trace = " + trace + ", gap = " + gap);
        }
        double low = 0, high = 1;
        for (int k = 0; k < 200; k++) {
            double q = 0.5 * (low + high);
            if (entropyGap(geometric(n, trace, q)) > gap) {
                low = q;
            } else {
                high = q;
            }
        }
        return geometric(n, trace, 0.5 * (low + high));
    }

    private static double[] geometric(int n, double trace, double q) {
        double[] l = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            l[i] = Math.pow(q, i);
            sum += l[i];
        }
        for (int i = 0; i < n; i++) {
            l[i] *= trace / sum;
        }
        return l;
    }
}

package dev.grokkit.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Top-k eigenvalues by power iteration with deflation (PyHessian's method and defaults): for the
 * i-th eigenpair, start from a Gaussian vector, repeat v <- A v / ||A v|| keeping v orthogonal
 * to the eigenvectors already found, with the Rayleigh quotient lambda = v^T A v, until lambda
 * changes by less than {@code tolerance} relative, |l_k - l_(k-1)| / (|l_(k-1)| + 1e-6) < tol, or
 * after {@code maxIterations} (1e-3, 100). It finds the eigenvalues of largest magnitude, which
 * for a Hessian near a minimum are the largest. Immutable; the setters return copies.
 */
public final class PowerIteration {

    private final double tolerance;
    private final int maxIterations;
    private final long seed;

    private PowerIteration(double tolerance, int maxIterations, long seed) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    /** Tolerance 1e-3, at most 100 iterations per eigenvalue, seed 0. */
    public static PowerIteration withDefaults() {
        return new PowerIteration(1e-3, 100, 0);
    }

    public PowerIteration tolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
        }
        return new PowerIteration(tolerance, maxIterations, seed);
    }

    public PowerIteration maxIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive, was " + maxIterations);
        }
        return new PowerIteration(tolerance, maxIterations, seed);
    }

    public PowerIteration seed(long seed) {
        return new PowerIteration(tolerance, maxIterations, seed);
    }

    /** The k eigenpairs of largest |lambda|. */
    public TopEigenpairs top(SymmetricOperator a, int k) {
        if (k < 1 || k > a.dimension()) {
            throw new IllegalArgumentException("k must be in 1.." + a.dimension() + ", was " + k);
        }
        Random random = new Random(seed);
        List<double[]> vectors = new ArrayList<>();
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            double[] v = Vectors.gaussian(a.dimension(), random);
            Vectors.orthogonalize(v, vectors);
            Vectors.normalize(v);
            double lambda = Double.NaN;
            for (int it = 0; it < maxIterations; it++) {
                double[] av = a.apply(v);
                double next = Vectors.dot(v, av);
                Vectors.orthogonalize(av, vectors);
                if (Vectors.normalize(av) == 0) {
                    lambda = next;
                    break;
                }
                v = av;
                boolean settled = !Double.isNaN(lambda)
                        && Math.abs(next - lambda) / (Math.abs(lambda) + 1e-6) < tolerance;
                lambda = next;
                if (settled) {
                    break;
                }
            }
            values[i] = lambda;
            vectors.add(v);
        }
        return new TopEigenpairs(values, vectors);
    }
}

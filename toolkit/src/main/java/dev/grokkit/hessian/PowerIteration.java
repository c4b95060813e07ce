package dev.grokkit.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Top-k eigenvalues by power iteration with deflation (PyHessian's method): for the i-th
 * eigenpair, start from a Gaussian vector, repeat v <- A v / ||A v|| keeping v orthogonal to the
 * eigenvectors already found, with the Rayleigh quotient lambda = v^T A v, until the residual
 * r = A v - lambda v, less its part along the vectors already found (which deflation cannot
 * remove), has ||r|| <= tolerance |lambda|, or after {@code maxIterations} (1e-3, 100). The result
 * reports each pair's full residual ||A v - lambda v||, which bounds its error (an eigenvalue of a
 * symmetric A lies within it), and whether it converged. PyHessian stops on a relative change of
 * lambda below 1e-3, which a slow iteration (lambda_(i+1) close to lambda_i) meets far from the
 * answer: lambda_3 1.15% low on a test matrix. It finds the eigenvalues of largest magnitude, which
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

    /**
     * Residual tolerance 1e-3 (a converged lambda_1 is within 0.1%; every pair within its reported
     * residual), at most 100 iterations per eigenvalue, seed 0.
     */
    public static PowerIteration withDefaults() {
        return new PowerIteration(1e-3, 100, 0);
    }

    /** The residual (less its part along the pairs already found) that stops the iteration, relative to |lambda|. */
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

    /** The k eigenpairs of largest |lambda|, each with its residual. */
    public TopEigenpairs top(SymmetricOperator a, int k) {
        if (k < 1 || k > a.dimension()) {
            throw new IllegalArgumentException("k must be in 1.." + a.dimension() + ", was " + k);
        }
        Random random = new Random(seed);
        List<double[]> vectors = new ArrayList<>();
        double[] values = new double[k];
        double[] residuals = new double[k];
        boolean[] converged = new boolean[k];
        for (int i = 0; i < k; i++) {
            double[] v = ProbeVectors.gaussian(a.dimension(), random);
            Vectors.orthogonalize(v, vectors);
            Vectors.normalize(v);
            for (int it = 0; it < maxIterations; it++) {
                double[] av = a.apply(v);
                values[i] = Vectors.dot(v, av);
                double[] r = av.clone();
                Vectors.addScaled(r, -values[i], v);
                residuals[i] = Vectors.norm(r);
                Vectors.orthogonalize(r, vectors);
                converged[i] = Vectors.norm(r) <= tolerance * Math.abs(values[i]);
                Vectors.orthogonalize(av, vectors);
                if (converged[i] || it == maxIterations - 1 || Vectors.normalize(av) == 0) {
                    break;
                }
                v = av;
            }
            vectors.add(v);
        }
        return new TopEigenpairs(values, vectors, residuals, converged);
    }
}

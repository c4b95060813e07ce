package dev.grokkit.hessian;

import java.util.List;
import java.util.Locale;

/**
 * The k eigenvalues of largest magnitude found by power iteration, in the order found, with their
 * unit eigenvectors, each pair's residual ||A v - lambda v|| and whether it converged. For a
 * symmetric A the residual bounds the error: some eigenvalue of A lies within it of lambda.
 */
public record TopEigenpairs(double[] values, List<double[]> vectors, double[] residuals, boolean[] converged) {

    public TopEigenpairs {
        if (values.length != vectors.size() || values.length != residuals.length || values.length != converged.length) {
            throw new IllegalArgumentException("values, vectors, residuals and converged must have one entry per pair");
        }
        values = values.clone();
        vectors = List.copyOf(vectors);
        residuals = residuals.clone();
        converged = converged.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** ||A v_i - lambda_i v_i|| for each pair: an eigenvalue of A lies within it of lambda_i. */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** Whether each pair reached the tolerance before the iteration limit. */
    @Override
    public boolean[] converged() {
        return converged.clone();
    }

    public boolean allConverged() {
        for (boolean c : converged) {
            if (!c) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("top eigenvalues:");
        for (int i = 0; i < values.length; i++) {
            s.append(String.format(Locale.ROOT, " %.6g (residual %.2g%s)", values[i], residuals[i],
                    converged[i] ? "" : ", not converged"));
        }
        return s.toString();
    }
}

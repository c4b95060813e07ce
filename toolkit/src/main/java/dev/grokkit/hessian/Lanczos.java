package dev.grokkit.hessian;

import dev.grokkit.linalg.SymmetricEigen;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lanczos process with full reorthogonalization: from a start vector q_1, builds an
 * orthonormal basis Q_m of the Krylov space span{q_1, A q_1, .., A^(m-1) q_1} and the
 * tridiagonal T_m = Q_m^T A Q_m (diagonal alpha, off-diagonal beta) with
 * beta_j q_(j+1) = A q_j - alpha_j q_j - beta_(j-1) q_(j-1). Here A q_j is orthogonalized against
 * every earlier q (Gram-Schmidt, twice), which performs that recurrence and the full
 * reorthogonalization in one step. It stops early when the Krylov space is invariant (beta ~ 0);
 * its Ritz values are then exact eigenvalues of A.
 */
public final class Lanczos {

    private Lanczos() {}

    /** The tridiagonal matrix of the process: alpha (m), beta (m - 1). */
    record Tridiagonal(double[] alpha, double[] beta) {

        /** Eigenvalues theta_k of T and the squared first components tau_k of its eigenvectors. */
        Spectrum quadrature(long dimension) {
            int m = alpha.length;
            double[][] t = new double[m][m];
            for (int i = 0; i < m; i++) {
                t[i][i] = alpha[i];
                if (i + 1 < m) {
                    t[i][i + 1] = beta[i];
                    t[i + 1][i] = beta[i];
                }
            }
            SymmetricEigen eig = SymmetricEigen.of(t);
            double[] tau = new double[m];
            double total = 0;
            for (int k = 0; k < m; k++) {
                tau[k] = eig.vectors()[0][k] * eig.vectors()[0][k];
                total += tau[k];
            }
            for (int k = 0; k < m; k++) {
                tau[k] /= total;
            }
            return Spectrum.quadrature(eig.values(), tau, dimension);
        }
    }

    /** At most {@code steps} Lanczos steps on A from {@code start} (any nonzero vector). */
    static Tridiagonal run(SymmetricOperator a, double[] start, int steps) {
        return run(a, start, steps, Integer.MAX_VALUE);
    }

    /**
     * The same, orthogonalizing A q_j only against the last {@code window} basis vectors (at least
     * 2, which is the plain three-term recurrence): it holds at most window + 1 vectors of length n
     * instead of steps + 1. Without full reorthogonalization rounding errors make the basis lose
     * orthogonality once Ritz values converge, which adds spurious copies of converged extreme
     * Ritz values; the quadrature still matches the start vector's moments v^T A^k v for low k.
     */
    static Tridiagonal run(SymmetricOperator a, double[] start, int steps, int window) {
        if (window < 2) {
            throw new IllegalArgumentException("the reorthogonalization window must be at least 2, was " + window);
        }
        int n = a.dimension();
        Vectors.checkLength("start", start, n);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be positive, was " + steps);
        }
        int m = Math.min(steps, n);
        List<double[]> basis = new ArrayList<>();
        double[] q = start.clone();
        if (Vectors.normalize(q) == 0) {
            throw new IllegalArgumentException("start vector must be nonzero");
        }
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double scale = 0;
        int done = 0;
        while (done < m) {
            basis.add(q);
            if (basis.size() > window) {
                basis.remove(0);
            }
            double[] w = a.apply(q);
            alpha[done] = Vectors.dot(q, w);
            Vectors.orthogonalize(w, basis);
            double b = Vectors.norm(w);
            scale = Math.max(scale, Math.abs(alpha[done]) + b);
            done++;
            if (done == m || b <= 1e-10 * scale) {
                break;
            }
            beta[done - 1] = b;
            for (int i = 0; i < n; i++) {
                w[i] /= b;
            }
            q = w;
        }
        return new Tridiagonal(java.util.Arrays.copyOf(alpha, done), java.util.Arrays.copyOf(beta, done - 1));
    }

    /**
     * The Gauss quadrature rule of A from one Lanczos run of at most {@code steps} steps: nodes are
     * the Ritz values, weights the squared first components of T's eigenvectors. With a random
     * start vector of norm sqrt(n), n sum_k w_k f(theta_k) estimates tr f(A).
     */
    public static Spectrum quadrature(SymmetricOperator a, double[] start, int steps) {
        return run(a, start, steps).quadrature(a.dimension());
    }

    /** The same with reorthogonalization against the last {@code window} vectors only ({@link #run(SymmetricOperator, double[], int, int)}). */
    public static Spectrum quadrature(SymmetricOperator a, double[] start, int steps, int window) {
        return run(a, start, steps, window).quadrature(a.dimension());
    }
}

package dev.grokkit.info;

import dev.grokkit.linalg.SymmetricEigen;
import java.util.Arrays;

/**
 * Matrix-based Renyi entropies (Sanchez Giraldo, Rao and Principe 2015; robustness paper,
 * Definition 2.1) of a positive semi-definite Gram matrix R, normalized to unit trace A = R / tr R
 * (= R / n for the unit-diagonal kernels of {@link GramMatrix}):
 *
 * <pre>
 *   H_alpha(R) = log tr(A^alpha) / (1 - alpha) = log(sum_i lambda_i^alpha) / (1 - alpha)
 *   H_1(R)     = -tr(A log A) = -sum_i lambda_i log lambda_i          (von Neumann)
 *   H_2(R)     = -log ||A||_F^2                                       (no eigen-decomposition)
 *   H(R1, R2)  = H(R1 o R2)        I(R1; R2) = H(R1) + H(R2) - H(R1 o R2)
 * </pre>
 *
 * in nats. Eigenvalues of a PSD matrix computed in floating point carry round-off of the order
 * of n * 1e-16 times the largest, so zero eigenvalues come out slightly negative or positive. Those
 * at or below n * eps * lambda_max (the tolerance of NumPy's matrix_rank) are set to 0: negative
 * ones have no logarithm, and tiny positive ones would add about lambda^alpha, visible for alpha
 * below 1 (sqrt(1e-16) = 1e-8). The remaining eigenvalues are not renormalized.
 */
public final class MatrixEntropy {

    private MatrixEntropy() {}

    /** H_alpha of a unit-trace spectrum p (negative entries count as 0). */
    public static double renyi(double[] p, double alpha) {
        checkAlpha(alpha);
        if (alpha == 1) {
            double h = 0;
            for (double v : p) {
                if (v > 0) {
                    h -= v * Math.log(v);
                }
            }
            return h;
        }
        double s = 0;
        for (double v : p) {
            if (v > 0) {
                s += Math.pow(v, alpha);
            }
        }
        return Math.log(s) / (1 - alpha);
    }

    /** H_alpha(R) of a PSD Gram matrix R; alpha = 2 by the Frobenius norm, others by eigenvalues. */
    public static double entropy(double[][] gram, double alpha) {
        checkAlpha(alpha);
        int n = SymmetricEigen.checkSquare(gram);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += gram[i][i];
        }
        if (!(trace > 0)) {
            throw new IllegalArgumentException("gram: trace must be positive, was " + trace);
        }
        if (alpha == 2) {
            double s = 0;
            for (double[] row : gram) {
                for (double v : row) {
                    s += v * v;
                }
            }
            return -Math.log(s / (trace * trace));
        }
        return renyi(scaled(withoutRoundOff(SymmetricEigen.values(gram)), 1 / trace), alpha);
    }

    /** Eigenvalues (any order) with those at most n * eps * lambda_max set to 0. */
    static double[] withoutRoundOff(double[] eigenvalues) {
        double largest = Arrays.stream(eigenvalues).max().orElse(0);
        double tolerance = eigenvalues.length * Math.ulp(1.0) * Math.max(largest, 0);
        double[] out = eigenvalues.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] <= tolerance) {
                out[i] = 0;
            }
        }
        return out;
    }

    /** Joint entropy H(R1, R2) = H(R1 o R2). */
    public static double jointEntropy(double[][] r1, double[][] r2, double alpha) {
        return entropy(GramMatrix.hadamard(r1, r2), alpha);
    }

    /** I(R1; R2) = H(R1) + H(R2) - H(R1 o R2). */
    public static double mutualInformation(double[][] r1, double[][] r2, double alpha) {
        return entropy(r1, alpha) + entropy(r2, alpha) - jointEntropy(r1, r2, alpha);
    }

    /** JS(R1 || R2) = H_1((R1 + R2) / 2) - (H_1(R1) + H_1(R2)) / 2 (robustness paper, Definition A.2). */
    public static double jsDivergence(double[][] r1, double[][] r2) {
        int n = SymmetricEigen.checkSquare(r1);
        if (SymmetricEigen.checkSquare(r2) != n) {
            throw new IllegalArgumentException("r2: must be " + n + " x " + n + " like r1");
        }
        double[][] mean = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mean[i][j] = (r1[i][j] + r2[i][j]) / 2;
            }
        }
        return entropy(mean, 1) - (entropy(r1, 1) + entropy(r2, 1)) / 2;
    }

    /**
     * H_alpha of the linear kernel of the row-l2-normalized features z (n, d). Zn Zn^T (n x n) and
     * Zn^T Zn (d x d) share their nonzero eigenvalues, so the smaller one is decomposed; both are
     * divided by n, the trace.
     */
    public static double linearKernelEntropy(double[][] z, double alpha) {
        checkAlpha(alpha);
        double[][] zn = GramMatrix.normalizeRows(z);
        int n = zn.length;
        double[][] small = n <= zn[0].length ? GramMatrix.outerGram(zn) : GramMatrix.innerGram(zn);
        return entropy(small, alpha);
    }

    /**
     * I_alpha between the linear kernels of row-l2-normalized features z1 (n, d1) and z2 (n, d2).
     * The marginals use the smaller side of each kernel; the joint kernel R1 o R2 is itself the
     * linear kernel of the rows' Kronecker products (d1 d2 wide), so it too is decomposed on the
     * smaller of its n x n and d1 d2 x d1 d2 forms.
     */
    public static double linearKernelMutualInformation(double[][] z1, double[][] z2, double alpha) {
        checkAlpha(alpha);
        if (z2.length != z1.length) {
            throw new IllegalArgumentException("z2: must have as many rows as z1 (" + z1.length + "), has "
                    + z2.length);
        }
        double[][] a = GramMatrix.normalizeRows(z1);
        double[][] b = GramMatrix.normalizeRows(z2);
        int n = a.length;
        double joint;
        if ((long) a[0].length * b[0].length < n) {
            double[][] kron = new double[n][a[0].length * b[0].length];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < a[0].length; p++) {
                    for (int q = 0; q < b[0].length; q++) {
                        kron[i][p * b[0].length + q] = a[i][p] * b[i][q];
                    }
                }
            }
            joint = entropy(GramMatrix.innerGram(kron), alpha);
        } else {
            joint = entropy(GramMatrix.hadamard(GramMatrix.outerGram(a), GramMatrix.outerGram(b)), alpha);
        }
        return linearKernelEntropy(a, alpha) + linearKernelEntropy(b, alpha) - joint;
    }

    /** H_alpha of the Gaussian-kernel Gram matrix of z with width sigma. */
    public static double gaussianKernelEntropy(double[][] z, double sigma, double alpha) {
        return entropy(GramMatrix.gaussian(z, sigma), alpha);
    }

    /**
     * H_alpha of the feature covariance C = Zc^T Zc / (n - 1) (Zc: z with column means removed),
     * normalized to unit trace: how evenly the variance spreads over directions, from 0 (one
     * direction) to ln d (isotropic).
     */
    public static double covarianceEntropy(double[][] z, double alpha) {
        return entropy(covariance(z), alpha);
    }

    /**
     * Effective rank (Roy and Vetterli 2007) exp(-sum_i p_i ln p_i), p_i = s_i / sum_j s_j over
     * the singular values s of z: between 1 and min(n, d).
     */
    public static double effectiveRank(double[][] z) {
        int d = Features.checkRows("z", z);
        double[] lambda = withoutRoundOff(
                SymmetricEigen.values(z.length <= d ? GramMatrix.outerGram(z) : GramMatrix.innerGram(z)));
        double[] s = new double[lambda.length];
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(lambda[i]);
            total += s[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("z: is all zeros and has no effective rank");
        }
        return Math.exp(renyi(scaled(s, 1 / total), 1));
    }

    /** Sample covariance Zc^T Zc / (n - 1) of the rows of z. */
    static double[][] covariance(double[][] z) {
        int d = Features.checkRows("z", z);
        int n = z.length;
        if (n < 2) {
            throw new IllegalArgumentException("z: a covariance needs at least 2 rows, has " + n);
        }
        double[] mean = new double[d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                mean[a] += row[a] / n;
            }
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                centred[i][a] = z[i][a] - mean[a];
            }
        }
        double[][] c = GramMatrix.innerGram(centred);
        for (double[] row : c) {
            for (int b = 0; b < d; b++) {
                row[b] /= n - 1;
            }
        }
        return c;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha: the Renyi order must be positive and finite, was " + alpha);
        }
    }
}

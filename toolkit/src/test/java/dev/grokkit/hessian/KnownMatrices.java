package dev.grokkit.hessian;

import java.util.Random;

/** Symmetric matrices with chosen eigenvalues: A = Q diag(l) Q^T with a random orthogonal Q. */
final class KnownMatrices {

    private KnownMatrices() {}

    static double[][] withEigenvalues(double[] eigenvalues, long seed) {
        int n = eigenvalues.length;
        Random random = new Random(seed);
        double[][] q = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] v = ProbeVectors.gaussian(n, random);
            for (int j = 0; j < k; j++) {
                Vectors.addScaled(v, -Vectors.dot(q[j], v), q[j]);
            }
            Vectors.normalize(v);
            q[k] = v;
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[k][i] * eigenvalues[k] * q[k][j];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    /** l_k = k + 1 for k < n - 3 plus three well separated top eigenvalues and one negative one. */
    static double[] testEigenvalues(int n) {
        double[] l = new double[n];
        for (int k = 0; k < n; k++) {
            l[k] = 0.1 * (k + 1);
        }
        l[0] = -0.5;
        l[n - 3] = 20;
        l[n - 2] = 30;
        l[n - 1] = 45;
        return l;
    }

    /**
     * The standard error of an SLQ (or Hutchinson) estimate of the k-th normalized moment
     * (1/n) tr A^k from {@code runs} Rademacher vectors: each run gives v^T A^k v / n exactly,
     * whose variance is 2 sum_{i != j} (A^k)_ij^2 / n^2.
     */
    static double momentStandardError(double[][] a, int k, int runs) {
        double[][] power = a;
        for (int i = 1; i < k; i++) {
            power = multiply(power, a);
        }
        double offDiagonal = 0;
        for (int i = 0; i < power.length; i++) {
            for (int j = 0; j < power.length; j++) {
                offDiagonal += i == j ? 0 : power[i][j] * power[i][j];
            }
        }
        return Math.sqrt(2 * offDiagonal / runs) / power.length;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}

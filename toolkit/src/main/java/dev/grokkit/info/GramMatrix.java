package dev.grokkit.info;

import dev.grokkit.linalg.SymmetricEigen;

/**
 * Gram (kernel) matrices of n feature vectors, the objects the matrix entropies are taken of.
 * The linear kernel of row-l2-normalized features has unit diagonal: R_ij = cos(z_i, z_j).
 */
public final class GramMatrix {

    private GramMatrix() {}

    /** Linear kernel of the row-l2-normalized features: R = Zn Zn^T, (n, n). */
    public static double[][] linear(double[][] z) {
        return outerGram(normalizeRows(z));
    }

    /** Gaussian kernel R_ij = exp(-||z_i - z_j||^2 / (2 sigma^2)), (n, n). */
    public static double[][] gaussian(double[][] z, double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma: must be positive and finite, was " + sigma);
        }
        int d = Features.checkRows("z", z);
        int n = z.length;
        double[][] r = new double[n][n];
        double scale = -1 / (2 * sigma * sigma);
        for (int i = 0; i < n; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double t = z[i][a] - z[j][a];
                    s += t * t;
                }
                r[i][j] = Math.exp(scale * s);
                r[j][i] = r[i][j];
            }
        }
        return r;
    }

    /** Elementwise (Hadamard) product A o B: the Gram matrix of the joint representation. */
    public static double[][] hadamard(double[][] a, double[][] b) {
        int n = SymmetricEigen.checkSquare(a);
        if (SymmetricEigen.checkSquare(b) != n) {
            throw new IllegalArgumentException("b: must be " + n + " x " + n + " like a, is " + b.length + " x "
                    + b.length);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = a[i][j] * b[i][j];
            }
        }
        return c;
    }

    /** Each row divided by its l2 norm; a zero row has no direction and is an error. */
    public static double[][] normalizeRows(double[][] z) {
        int d = Features.checkRows("z", z);
        double[][] out = new double[z.length][d];
        for (int i = 0; i < z.length; i++) {
            double s = 0;
            for (double v : z[i]) {
                s += v * v;
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("z: row " + i + " has norm " + Math.sqrt(s)
                        + " and cannot be l2-normalized");
            }
            double inv = 1 / Math.sqrt(s);
            for (int a = 0; a < d; a++) {
                out[i][a] = z[i][a] * inv;
            }
        }
        return out;
    }

    /** Z Z^T, (n, n). */
    public static double[][] outerGram(double[][] z) {
        return innerGram(transpose(z));
    }

    /**
     * Z^T Z, (d, d), accumulated row by row as G_a. += z_ia z_i. over the upper triangle (a
     * contiguous multiply-add the JIT vectorizes), then mirrored.
     */
    public static double[][] innerGram(double[][] z) {
        int d = Features.checkRows("z", z);
        double[][] g = new double[d][d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                double za = row[a];
                double[] ga = g[a];
                for (int b = a; b < d; b++) {
                    ga[b] += za * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                g[a][b] = g[b][a];
            }
        }
        return g;
    }

    static double[][] transpose(double[][] z) {
        int d = Features.checkRows("z", z);
        double[][] t = new double[d][z.length];
        for (int i = 0; i < z.length; i++) {
            for (int a = 0; a < d; a++) {
                t[a][i] = z[i][a];
            }
        }
        return t;
    }
}

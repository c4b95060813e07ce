package dev.grokkit.hessian;

import dev.grokkit.linalg.SymmetricEigen;

/**
 * The full matrix of a symmetric operator built column by column, H e_j for j = 1..n (n
 * Hessian-vector products), symmetrized as (H + H^T) / 2 to remove round-off asymmetry, and its
 * exact spectrum by a dense eigen-decomposition (ojAlgo). Meant for models with up to a few
 * thousand parameters: teaching, and checking the stochastic estimators.
 */
public final class DenseHessian {

    /** Largest dimension accepted (a 5000 x 5000 double matrix is 200 MB). */
    public static final int MAX_DIMENSION = 5000;

    private final double[][] matrix;

    private DenseHessian(double[][] matrix) {
        this.matrix = matrix;
    }

    public static DenseHessian of(SymmetricOperator operator) {
        int n = operator.dimension();
        if (n > MAX_DIMENSION) {
            throw new IllegalArgumentException("operator dimension " + n + " is above the dense limit "
                    + MAX_DIMENSION + "; use StochasticLanczos for large models");
        }
        double[][] h = new double[n][];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            h[j] = operator.apply(e); // column j, stored as row j
            e[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
        return new DenseHessian(h);
    }

    public int dimension() {
        return matrix.length;
    }

    /** A copy of the matrix. */
    public double[][] matrix() {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    public double trace() {
        double t = 0;
        for (int i = 0; i < matrix.length; i++) {
            t += matrix[i][i];
        }
        return t;
    }

    /** The diagonal block of rows and columns [from, to). */
    public DenseHessian block(int from, int to) {
        if (from < 0 || to > matrix.length || from >= to) {
            throw new IllegalArgumentException("block range must satisfy 0 <= from < to <= " + matrix.length
                    + ", was [" + from + ", " + to + ")");
        }
        double[][] b = new double[to - from][];
        for (int i = from; i < to; i++) {
            b[i - from] = java.util.Arrays.copyOfRange(matrix[i], from, to);
        }
        return new DenseHessian(b);
    }

    /** All eigenvalues, exactly (up to floating point). */
    public Spectrum spectrum() {
        return Spectrum.exact(SymmetricEigen.values(matrix));
    }
}

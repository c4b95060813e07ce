package dev.grokkit.hessian;

/** v -> Av for an explicit symmetric matrix A, checked square and symmetric on construction. */
final class MatrixOperator implements SymmetricOperator {

    private final double[][] a;

    MatrixOperator(double[][] matrix) {
        int n = matrix.length;
        if (n == 0) {
            throw new IllegalArgumentException("matrix must not be empty");
        }
        a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has "
                        + matrix[i].length + " entries, expected " + n);
            }
            a[i] = matrix[i].clone();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double scale = Math.max(1e-300, Math.abs(a[i][j]) + Math.abs(a[j][i]));
                if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * scale) {
                    throw new IllegalArgumentException("matrix must be symmetric: entries (" + i + ", " + j
                            + ") and (" + j + ", " + i + ") differ");
                }
            }
        }
    }

    @Override
    public int dimension() {
        return a.length;
    }

    @Override
    public double[] apply(double[] v) {
        Vectors.checkLength("v", v, a.length);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Vectors.dot(a[i], v);
        }
        return out;
    }
}

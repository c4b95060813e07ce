package dev.grokkit.hessian;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Eigen-decomposition A = V diag(values) V^T of a dense symmetric matrix (ojAlgo), eigenvalues
 * ascending; {@code vectors[i][k]} is entry i of the eigenvector of {@code values[k]}.
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    static SymmetricEigen of(double[][] a) {
        int n = a.length;
        Eigenvalue<Double> eig = Eigenvalue.R064.make(n, true);
        if (!eig.decompose(R064Store.FACTORY.rows(a))) {
            throw new IllegalStateException("eigen-decomposition of a " + n + "x" + n + " matrix failed");
        }
        MatrixStore<Double> d = eig.getD();
        MatrixStore<Double> v = eig.getV();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d.doubleValue(x, x), d.doubleValue(y, y)));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            int src = order[k];
            values[k] = d.doubleValue(src, src);
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v.doubleValue(i, src);
            }
        }
        return new SymmetricEigen(values, vectors);
    }
}

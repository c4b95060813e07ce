package dev.grokkit.linalg;

import java.util.Arrays;
import java.util.Optional;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Eigen-decomposition A = V diag(values) V^T of a dense real symmetric matrix by ojAlgo's
 * symmetric solver (the fastest of the Java libraries measured, eigenvalues only, n = 1024: ojAlgo
 * 0.40 s, EJML 1.66 s, Hipparchus/Commons Math about 9.7 s), eigenvalues
 * ascending; {@code vectors[i][k]} is entry i of the unit eigenvector of {@code values[k]}.
 * The one place both the Hessian spectra and the matrix entropies decompose matrices.
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    static {
        // ojAlgo prints an eight-line notice about hardware profiles to standard output on first
        // use (into every notebook) unless this property is set before its classes load.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    /** The eigenvalues only, ascending (several times cheaper than the full decomposition). */
    public static double[] values(double[][] a) {
        int n = checkSquare(a);
        Eigenvalue<Double> eig = Eigenvalue.R064.make(n, true);
        if (!eig.computeValuesOnly(R064Store.FACTORY.rows(a))) {
            throw new IllegalArgumentException("matrix: the eigenvalues of a " + n + "x" + n
                    + " matrix failed (NaN or infinite entries?)");
        }
        double[] values = new double[n];
        eig.getEigenvalues(values, Optional.empty());
        Arrays.sort(values);
        return values;
    }

    /** Eigenvalues (ascending) and eigenvectors. */
    public static SymmetricEigen of(double[][] a) {
        int n = checkSquare(a);
        Eigenvalue<Double> eig = Eigenvalue.R064.make(n, true);
        if (!eig.decompose(R064Store.FACTORY.rows(a))) {
            throw new IllegalArgumentException("matrix: the eigen-decomposition of a " + n + "x" + n
                    + " matrix failed (NaN or infinite entries?)");
        }
        MatrixStore<Double> d = eig.getD();
        MatrixStore<Double> v = eig.getV();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Double.compare(d.doubleValue(x, x), d.doubleValue(y, y)));
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

    /** The size n of a square n x n matrix; a clear error for an empty or ragged one. */
    public static int checkSquare(double[][] a) {
        int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("matrix: is empty");
        }
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix: must be square, has " + n + " rows and a row of "
                        + row.length);
            }
        }
        return n;
    }
}

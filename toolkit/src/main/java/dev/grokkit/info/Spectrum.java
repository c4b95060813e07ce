package dev.grokkit.info;

import java.util.Arrays;
import java.util.Optional;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.RawStore;

/**
 * Eigen-decomposition of a real symmetric matrix by ojAlgo's symmetric (Hermitian) solver:
 * eigenvalues in descending order and, on request, the matching unit eigenvectors. Package-private
 * (dev.grokkit.hessian has a public Spectrum of its own).
 */
final class Spectrum {

    private final double[] values;
    private final double[][] vectors;

    private Spectrum(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Eigenvalues of a symmetric matrix, largest first (no eigenvectors computed). */
    static double[] eigenvalues(double[][] symmetric) {
        int n = checkSquare(symmetric);
        Eigenvalue<Double> evd = Eigenvalue.R064.make(n, true);
        evd.computeValuesOnly(RawStore.wrap(symmetric));
        double[] values = new double[n];
        evd.getEigenvalues(values, Optional.empty());
        Arrays.sort(values);
        reverse(values);
        return values;
    }

    /** Eigenvalues (largest first) and eigenvectors of a symmetric matrix. */
    static Spectrum of(double[][] symmetric) {
        int n = checkSquare(symmetric);
        Eigenvalue<Double> evd = Eigenvalue.R064.make(n, true);
        if (!evd.decompose(RawStore.wrap(symmetric))) {
            throw new IllegalArgumentException("symmetric: the eigen-decomposition failed (NaN or infinite entries?)");
        }
        double[] raw = new double[n];
        evd.getEigenvalues(raw, Optional.empty());
        MatrixStore<Double> v = evd.getV();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = raw[order[j]];
            for (int i = 0; i < n; i++) {
                vectors[i][j] = v.doubleValue(i, order[j]);
            }
        }
        return new Spectrum(values, vectors);
    }

    /** Eigenvalues, largest first. */
    double[] values() {
        return values.clone();
    }

    /** Component i of the unit eigenvector of {@code values()[j]}. */
    double vector(int i, int j) {
        return vectors[i][j];
    }

    static int checkSquare(double[][] a) {
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

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

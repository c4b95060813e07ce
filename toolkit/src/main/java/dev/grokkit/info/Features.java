package dev.grokkit.info;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Conversions between DJL arrays and the double[n][d] feature matrices of this package. */
public final class Features {

    private Features() {}

    /** The array as n rows of its flattened trailing dimensions, in float64. */
    public static double[][] rows(NDArray a) {
        if (a.getShape().dimension() == 0) {
            throw new IllegalArgumentException("a: needs at least one dimension (examples), is a scalar");
        }
        int n = (int) a.getShape().get(0);
        double[] flat = a.toType(DataType.FLOAT64, false).toDoubleArray();
        int d = n == 0 ? 0 : flat.length / n;
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, z[i], 0, d);
        }
        return z;
    }

    /** The rows at the given indices, in that order. */
    public static double[][] select(double[][] z, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = z[indices[i]];
        }
        return out;
    }

    /** Checks a feature matrix: at least one row, rows of one positive length, finite values; returns d. */
    static int checkRows(String name, double[][] z) {
        if (z.length == 0) {
            throw new IllegalArgumentException(name + ": has no rows");
        }
        int d = z[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(name + ": rows have no columns");
        }
        for (int i = 0; i < z.length; i++) {
            if (z[i].length != d) {
                throw new IllegalArgumentException(name + ": rows have different lengths (" + d + " and "
                        + z[i].length + ")");
            }
            for (double v : z[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": row " + i + " holds " + v);
                }
            }
        }
        return d;
    }
}

package dev.grokkit.hessian;

import java.util.List;

/** The few dense-vector operations the iterative estimators share. */
final class Vectors {

    private Vectors() {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** a <- a + c b. */
    static void addScaled(double[] a, double c, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += c * b[i];
        }
    }

    /** a <- a / ||a||; returns ||a||. */
    static double normalize(double[] a) {
        double n = norm(a);
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
        return n;
    }

    /** Removes from v its components along orthonormal {@code basis} (Gram-Schmidt, applied twice for stability). */
    static void orthogonalize(double[] v, List<double[]> basis) {
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                addScaled(v, -dot(q, v), q);
            }
        }
    }

    static void checkLength(String name, double[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", had " + v.length);
        }
    }
}

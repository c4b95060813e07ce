package dev.grokkit.hessian;

import java.util.List;
import java.util.Random;

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

    /** Independent +-1 entries with probability 1/2 each: {@link #rademacherSigns} as doubles. */
    static double[] rademacher(int n, Random random) {
        byte[] signs = rademacherSigns(n, random);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = signs[i];
        }
        return v;
    }

    /**
     * Independent +-1 entries with probability 1/2 each, one random bit per entry (64 per draw):
     * entry i is 1 - 2 b_i. Written without a branch per entry, since the bits are random and a
     * mispredicted branch on each was most of the cost of a Hessian-vector product's setup; bytes,
     * so a Hessian-vector product moves a quarter of a float vector to libtorch.
     */
    static byte[] rademacherSigns(int n, Random random) {
        byte[] v = new byte[n];
        for (int block = 0; block < n; block += 64) {
            long bits = random.nextLong();
            int end = Math.min(n, block + 64);
            for (int i = block; i < end; i++) {
                v[i] = (byte) (1 - 2 * (int) (bits & 1));
                bits >>>= 1;
            }
        }
        return v;
    }

    /** Independent N(0, 1) entries. */
    static double[] gaussian(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    static void checkLength(String name, double[] v, int n) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", had " + v.length);
        }
    }
}

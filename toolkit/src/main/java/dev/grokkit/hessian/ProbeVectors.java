package dev.grokkit.hessian;

import java.util.Random;

/**
 * Random probe vectors for the stochastic estimators (Hutchinson's trace, stochastic Lanczos
 * quadrature, power iteration's start), and for a caller who takes Hessian-vector products of
 * their own: E[v v^T] = I for both kinds.
 */
public final class ProbeVectors {

    private ProbeVectors() {}

    /** Independent +-1 entries with probability 1/2 each: {@link #rademacherSigns} as doubles. */
    public static double[] rademacher(int n, Random random) {
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
    public static double[] gaussian(int n, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}

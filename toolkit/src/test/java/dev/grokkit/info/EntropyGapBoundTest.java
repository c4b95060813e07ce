package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyGapBoundTest {

    private static final double[] KAPPAS = {1.5, 2, 3, 10, 100, 1e4, 1e8};

    /** ln n - H(l / sum l). */
    private static double gapOf(double[] l) {
        double sum = 0;
        for (double v : l) {
            sum += v;
        }
        double[] p = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            p[i] = l[i] / sum;
        }
        return Math.log(l.length) - MatrixEntropy.renyi(p, 1);
    }

    @Test
    void twoByTwoIsLnTwoMinusTheBinaryEntropy() {
        // n = 2, kappa = 3: p = (3/4, 1/4)
        double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        assertEquals(Math.log(2) - h, EntropyGapBound.maximum(2, 3), 1e-15);
        assertEquals(Math.log(2) - h, EntropyGapBound.oneAtKappa(2, 3), 1e-15);
    }

    @Test
    void twoValuedGapMatchesTheEntropyOfItsSpectrum() {
        double[] l = {5, 5, 1, 1, 1, 1};
        assertEquals(gapOf(l), EntropyGapBound.twoValuedGap(6, 2, 5), 1e-14);
        assertEquals(0, EntropyGapBound.twoValuedGap(6, 0, 5), 1e-15);
        assertEquals(0, EntropyGapBound.twoValuedGap(6, 6, 5), 1e-15);
    }

    @Test
    void flatSpectraHaveNoGap() {
        assertEquals(0, EntropyGapBound.maximum(7, 1), 0);
        assertEquals(0, EntropyGapBound.anyDimension(1), 0);
        assertEquals(0, EntropyGapBound.maximum(1, 50), 0);
    }

    @Test
    void maximumIsTheBruteForceMaximumOverK() {
        for (int n = 2; n <= 300; n += n < 20 ? 1 : 37) {
            for (double kappa : KAPPAS) {
                double best = Double.NEGATIVE_INFINITY;
                int argmax = 0;
                for (int k = 1; k < n; k++) {
                    double g = EntropyGapBound.twoValuedGap(n, k, kappa);
                    if (g > best) {
                        best = g;
                        argmax = k;
                    }
                }
                assertEquals(best, EntropyGapBound.maximum(n, kappa), 1e-14, "n=" + n + " kappa=" + kappa);
                assertEquals(argmax, EntropyGapBound.extremalCount(n, kappa), "n=" + n + " kappa=" + kappa);
            }
        }
    }

    @Test
    void oneEigenvalueAtKappaIsNotTheMaximumWhenKappaIsSmallAgainstN() {
        // kappa = 2: t* = 2 ln 2 - 1 = 0.386, so n = 5 peaks at k = 2, not 1
        assertEquals(2, EntropyGapBound.extremalCount(5, 2));
        assertTrue(EntropyGapBound.maximum(5, 2) > EntropyGapBound.oneAtKappa(5, 2) + 1e-3);
        // kappa = 1e4, n = 50: n t* = 0.04, one eigenvalue at kappa is the extremum
        assertEquals(1, EntropyGapBound.extremalCount(50, 1e4));
        assertEquals(EntropyGapBound.oneAtKappa(50, 1e4), EntropyGapBound.maximum(50, 1e4), 0);
    }

    @Test
    void anyDimensionBoundsEveryNAndIsApproachedAsNGrows() {
        for (double kappa : KAPPAS) {
            for (int n = 1; n <= 2000; n = n * 2 + 1) {
                assertTrue(EntropyGapBound.maximum(n, kappa) <= EntropyGapBound.anyDimension(kappa) + 1e-15);
            }
            if (kappa <= 1e4) { // n t* >> 1: the integer k is close to the peak
                assertEquals(EntropyGapBound.anyDimension(kappa), EntropyGapBound.maximum(1_000_000, kappa), 1e-6);
            }
        }
        // kappa = e^2: s* = 2 e^2 / (e^2 - 1)
        double s = 2 * Math.exp(2) / (Math.exp(2) - 1);
        assertEquals(s - 1 - Math.log(s), EntropyGapBound.anyDimension(Math.exp(2)), 1e-15);
    }

    @Test
    void noSpectrumInOneToKappaExceedsTheMaximumAndTheExtremeReachesIt() {
        Random random = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 2 + random.nextInt(30);
            double kappa = Math.exp(random.nextDouble() * 8);
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                // mostly at the ends, where the maximum is, else log-uniform inside
                double u = random.nextDouble();
                l[i] = u < 0.4 ? 1 : u < 0.8 ? kappa : Math.exp(random.nextDouble() * Math.log(kappa));
            }
            assertTrue(gapOf(l) <= EntropyGapBound.maximum(n, kappa) + 1e-12, "n=" + n + " kappa=" + kappa);
        }
        int k = EntropyGapBound.extremalCount(9, 4);
        double[] extreme = new double[9];
        for (int i = 0; i < 9; i++) {
            extreme[i] = i < k ? 4 : 1;
        }
        assertEquals(EntropyGapBound.maximum(9, 4), gapOf(extreme), 1e-14);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> EntropyGapBound.maximum(0, 2));
        assertThrows(IllegalArgumentException.class, () -> EntropyGapBound.maximum(3, 0.5));
        assertThrows(IllegalArgumentException.class, () -> EntropyGapBound.anyDimension(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> EntropyGapBound.twoValuedGap(3, 4, 2));
    }
}

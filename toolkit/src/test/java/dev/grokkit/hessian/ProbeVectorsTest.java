package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Probe vectors: E[v v^T] = I, Rademacher entries one random bit each. */
class ProbeVectorsTest {

    @Test
    void rademacherEntryIIsBitIOfTheSeedsLongs() {
        double[] v = ProbeVectors.rademacher(130, new Random(3));
        Random bits = new Random(3);
        long word = 0;
        for (int i = 0; i < v.length; i++) {
            if (i % 64 == 0) {
                word = bits.nextLong();
            }
            assertEquals(((word >>> (i % 64)) & 1) == 0 ? 1.0 : -1.0, v[i], "entry " + i);
        }
    }

    @Test
    void bothKindsHaveMeanZeroAndUnitSecondMoment() {
        int n = 200_000;
        for (double[] v : new double[][] {ProbeVectors.rademacher(n, new Random(1)), ProbeVectors.gaussian(n, new Random(1))}) {
            double sum = 0;
            double squares = 0;
            for (double x : v) {
                sum += x;
                squares += x * x;
            }
            // the mean's standard deviation is 1/sqrt(n); the second moment's sqrt(2/n) for Gaussian entries
            assertTrue(Math.abs(sum / n) < 5 / Math.sqrt(n), "mean " + sum / n);
            assertTrue(Math.abs(squares / n - 1) < 5 * Math.sqrt(2.0 / n), "second moment " + squares / n);
        }
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingSpectrumTest {

    /** Residues on two circles, frequencies 3 (radius 2) and 7 (radius 1): power shares 4/5 and 1/5. */
    @Test
    void circlesPutTheirPowerAtTheirFrequencies() {
        int p = 31;
        double[][] e = new double[p][4];
        for (int x = 0; x < p; x++) {
            e[x] = new double[] {2 * Math.cos(2 * Math.PI * 3 * x / p), 2 * Math.sin(2 * Math.PI * 3 * x / p),
                Math.cos(2 * Math.PI * 7 * x / p) + 5, Math.sin(2 * Math.PI * 7 * x / p)};
        }
        EmbeddingSpectrum s = EmbeddingSpectrum.of(e);
        assertEquals(0.8, s.share(3), 1e-12);
        assertEquals(0.2, s.share(7), 1e-12);
        assertArrayEquals(new int[] {3, 7}, java.util.Arrays.copyOf(s.byPower(), 2));
        assertEquals(1, s.topShare(2), 1e-12);
    }

    /** Gaussian noise spreads the power: the top frequency holds far less than on a circle. */
    @Test
    void noiseSpreadsThePower() {
        Random random = new Random(1);
        double[][] e = new double[31][64];
        for (double[] row : e) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        EmbeddingSpectrum s = EmbeddingSpectrum.of(e);
        assertEquals(1, s.topShare(15), 1e-12);
        assertTrue(s.topShare(1) < 0.15, "top share " + s.topShare(1));
    }
}

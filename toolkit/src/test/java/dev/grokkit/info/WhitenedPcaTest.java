package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WhitenedPcaTest {

    @Test
    void compressedDataHaveIdentityCovarianceAndKeepTheLargestDirections() {
        Random r = new Random(5);
        double[][] z = new double[400][5];
        double[] scales = {1, 7, 0.1, 3, 0.5};
        for (double[] row : z) {
            for (int a = 0; a < 5; a++) {
                row[a] = 2 + scales[a] * r.nextGaussian();
            }
        }
        WhitenedPca pca = WhitenedPca.fit(z, 3);
        double[][] t = pca.transform(z);
        double[][] c = MatrixEntropy.covariance(t);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertEquals(a == b ? 1 : 0, c[a][b], 1e-10);
            }
        }
        double[][] cz = MatrixEntropy.covariance(z);
        assertArrayEquals(new double[] {cz[1][1], cz[3][3], cz[0][0]}, pca.variances(), 0.1 * cz[0][0]);
        assertTrue(pca.variances()[0] > 40);
    }

    @Test
    void rankDeficientFeaturesCannotBeWhitenedToMoreDimensions() {
        double[][] z = new double[50][3];
        for (int i = 0; i < 50; i++) {
            z[i][0] = i;
            z[i][1] = 2 * i;
        }
        assertEquals(1, WhitenedPca.compress(z, 1)[0].length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WhitenedPca.fit(z, 2));
        assertTrue(e.getMessage().startsWith("z: has only 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WhitenedPca.fit(z, 4));
        assertTrue(e.getMessage().startsWith("dims:"), e.getMessage());
    }
}

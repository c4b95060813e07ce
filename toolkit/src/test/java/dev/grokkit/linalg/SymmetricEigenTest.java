package dev.grokkit.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    /** [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, -1)/sqrt 2 and (1, 1)/sqrt 2. */
    @Test
    void twoByTwoInClosedForm() {
        double[][] a = {{2, 1}, {1, 2}};
        SymmetricEigen eig = SymmetricEigen.of(a);
        assertArrayEquals(new double[] {1, 3}, eig.values(), 1e-14);
        assertArrayEquals(new double[] {1, 3}, SymmetricEigen.values(a), 1e-14);
        double r = Math.sqrt(0.5);
        assertEquals(r, Math.abs(eig.vectors()[0][1]), 1e-14);
        assertEquals(eig.vectors()[0][1], eig.vectors()[1][1], 1e-14);
        assertEquals(-eig.vectors()[0][0], eig.vectors()[1][0], 1e-14);
    }

    @Test
    void eigenpairsSatisfyTheirEquation() {
        double[][] a = {{4, 1, -2}, {1, 0, 3}, {-2, 3, 1}};
        SymmetricEigen eig = SymmetricEigen.of(a);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                double av = 0;
                for (int j = 0; j < 3; j++) {
                    av += a[i][j] * eig.vectors()[j][k];
                }
                assertEquals(eig.values()[k] * eig.vectors()[i][k], av, 1e-12);
            }
        }
        assertTrue(eig.values()[0] <= eig.values()[1] && eig.values()[1] <= eig.values()[2]);
    }

    @Test
    void badMatricesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.values(new double[0][0]))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.of(new double[][] {{1, 2}, {3}})).getMessage().contains("square"));
    }
}

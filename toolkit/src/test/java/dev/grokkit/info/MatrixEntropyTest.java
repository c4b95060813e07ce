package dev.grokkit.info;

import dev.grokkit.linalg.SymmetricEigen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixEntropyTest {

    private static final double[] ALPHAS = {0.5, 1, 2, 3};

    private static double[][] orthonormalRows(int n, int d) {
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            z[i][i] = 3.0; // any positive length: rows are normalized
        }
        return z;
    }

    @Test
    void orthonormalRowsGiveLogNForEveryOrder() {
        for (double alpha : ALPHAS) {
            assertEquals(Math.log(8), MatrixEntropy.entropy(GramMatrix.linear(orthonormalRows(8, 12)), alpha), 1e-12);
            assertEquals(Math.log(8), MatrixEntropy.linearKernelEntropy(orthonormalRows(8, 12), alpha), 1e-12);
        }
    }

    @Test
    void identicalRowsGiveZero() {
        double[][] z = new double[10][4];
        for (double[] row : z) {
            row[0] = 1;
            row[1] = -2;
            row[3] = 0.5;
        }
        for (double alpha : ALPHAS) {
            assertEquals(0, MatrixEntropy.entropy(GramMatrix.linear(z), alpha), 1e-12);
            assertEquals(0, MatrixEntropy.linearKernelEntropy(z, alpha), 1e-12);
        }
    }

    @Test
    void frobeniusFastPathEqualsEigenvalueRoute() {
        double[][] r = GramMatrix.linear(Gaussians.standard(new Random(1), 50, 7));
        double[] lambda = SymmetricEigen.values(r);
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] /= 50;
        }
        assertEquals(MatrixEntropy.renyi(lambda, 2), MatrixEntropy.entropy(r, 2), 1e-12);
        assertTrue(MatrixEntropy.entropy(r, 2) < MatrixEntropy.entropy(r, 1), "Renyi entropies fall with alpha");
    }

    @Test
    void smallerSideOfTheLinearKernelGivesTheSameEntropy() {
        double[][] tall = Gaussians.standard(new Random(2), 60, 5);
        double[][] wide = Gaussians.standard(new Random(3), 6, 40);
        for (double alpha : ALPHAS) {
            assertEquals(MatrixEntropy.entropy(GramMatrix.linear(tall), alpha),
                    MatrixEntropy.linearKernelEntropy(tall, alpha), 1e-10);
            assertEquals(MatrixEntropy.entropy(GramMatrix.linear(wide), alpha),
                    MatrixEntropy.linearKernelEntropy(wide, alpha), 1e-10);
        }
    }

    /** Both routes of the joint kernel: Kronecker features (d1 d2 < n) and the n x n Hadamard product. */
    @Test
    void linearKernelInformationEqualsTheGramMatrixRoute() {
        Random r = new Random(8);
        for (int n : new int[] {40, 8}) { // 3 x 4 = 12 features: below 40, above 8
            double[][] z1 = Gaussians.standard(r, n, 3);
            double[][] z2 = Gaussians.standard(r, n, 4);
            for (int i = 0; i < n; i++) {
                z2[i][0] += 2 * z1[i][0];
            }
            for (double alpha : ALPHAS) {
                assertEquals(MatrixEntropy.mutualInformation(GramMatrix.linear(z1), GramMatrix.linear(z2), alpha),
                        MatrixEntropy.linearKernelMutualInformation(z1, z2, alpha), 1e-10, "n=" + n + " alpha=" + alpha);
            }
        }
    }

    /**
     * I(R; R) = H(R) whenever R o R = R: the identity kernel (orthogonal rows) and block kernels
     * (rows that are positive multiples of one of a few orthogonal directions: clusters).
     */
    @Test
    void mutualInformationOfAMatrixWithItselfIsItsEntropy() {
        double[][] identity = GramMatrix.linear(orthonormalRows(6, 6));
        double[][] z = new double[9][3];
        for (int i = 0; i < 9; i++) {
            z[i][i % 3] = 1 + i;
        }
        double[][] blocks = GramMatrix.linear(z);
        for (double alpha : ALPHAS) {
            assertEquals(Math.log(6), MatrixEntropy.mutualInformation(identity, identity, alpha), 1e-12);
            assertEquals(Math.log(3), MatrixEntropy.entropy(blocks, alpha), 1e-12);
            assertEquals(Math.log(3), MatrixEntropy.mutualInformation(blocks, blocks, alpha), 1e-12);
        }
        assertEquals(0, MatrixEntropy.jsDivergence(blocks, blocks), 1e-12);
    }

    @Test
    void agreesWithNumpyOnTheSameFeatures() {
        Map<String, Double> e = Reference.expected();
        double[][] a = Reference.matrix("a");
        double[][] b = Reference.matrix("b");
        double[][] ra = GramMatrix.linear(a);
        double[][] rb = GramMatrix.linear(b);
        assertEquals(e.get("H1_linear_a"), MatrixEntropy.entropy(ra, 1), 1e-9);
        assertEquals(e.get("H1_linear_a"), MatrixEntropy.linearKernelEntropy(a, 1), 1e-9);
        assertEquals(e.get("H2_linear_a"), MatrixEntropy.entropy(ra, 2), 1e-9);
        assertEquals(e.get("H0.5_linear_a"), MatrixEntropy.entropy(ra, 0.5), 1e-9);
        assertEquals(e.get("H3_linear_a"), MatrixEntropy.entropy(ra, 3), 1e-9);
        assertEquals(e.get("H1_linear_wide"), MatrixEntropy.linearKernelEntropy(Reference.matrix("wide"), 1), 1e-9);
        assertEquals(e.get("H1_gaussian_a_1.5"), MatrixEntropy.gaussianKernelEntropy(a, 1.5, 1), 1e-9);
        assertEquals(e.get("MI1_a_b"), MatrixEntropy.mutualInformation(ra, rb, 1), 1e-9);
        assertEquals(e.get("MI2_a_b"), MatrixEntropy.mutualInformation(ra, rb, 2), 1e-9);
        assertEquals(e.get("joint1_a_b"), MatrixEntropy.jointEntropy(ra, rb, 1), 1e-9);
        assertEquals(e.get("JS_a_b"), MatrixEntropy.jsDivergence(ra, rb), 1e-9);
        assertEquals(e.get("covH1_a"), MatrixEntropy.covarianceEntropy(a, 1), 1e-9);
        assertEquals(e.get("erank_a"), MatrixEntropy.effectiveRank(a), 1e-9);
    }

    @Test
    void covarianceEntropyAndEffectiveRankOfKnownShapes() {
        // Variance along one axis only: entropy 0, effective rank 1.
        double[][] line = new double[20][3];
        for (int i = 0; i < 20; i++) {
            line[i][1] = i - 7;
        }
        assertEquals(0, MatrixEntropy.covarianceEntropy(line, 1), 1e-12);
        assertEquals(1, MatrixEntropy.effectiveRank(line), 1e-12);
        // Orthogonal rows of equal length: d equal singular values.
        assertEquals(5, MatrixEntropy.effectiveRank(orthonormalRows(5, 5)), 1e-12);
    }

    @Test
    void roundOffNegativeEigenvaluesCountAsZero() {
        // A rank-one Gram matrix: all but one eigenvalue are round-off around 0, some negative.
        double[][] r = new double[30][30];
        for (double[] row : r) {
            java.util.Arrays.fill(row, 1.0);
        }
        assertEquals(0, MatrixEntropy.entropy(r, 1), 1e-12);
        for (double[] row : r) {
            for (double v : row) {
                assertEquals(1.0, v, 0, "the decomposition leaves its input alone");
            }
        }
        assertEquals(0, MatrixEntropy.renyi(new double[] {1, -1e-17}, 0.5), 1e-15);
    }

    @Test
    void badInputsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixEntropy.entropy(new double[][] {{1, 0}}, 1));
        assertTrue(e.getMessage().startsWith("matrix"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixEntropy.linearKernelEntropy(new double[][] {{0, 0}}, 1));
        assertTrue(e.getMessage().startsWith("z: row 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixEntropy.entropy(new double[][] {{1}}, 0));
        assertTrue(e.getMessage().startsWith("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GramMatrix.gaussian(new double[][] {{1}}, -1));
        assertTrue(e.getMessage().startsWith("sigma"), e.getMessage());
    }
}

package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import org.junit.jupiter.api.Test;

class DifferentiableMatrixEntropyTest {

    private static NDArray array(NDManager m, double[][] z) {
        double[] flat = new double[z.length * z[0].length];
        for (int i = 0; i < z.length; i++) {
            System.arraycopy(z[i], 0, flat, i * z[0].length, z[0].length);
        }
        return m.create(flat, new ai.djl.ndarray.types.Shape(z.length, z[0].length));
    }

    @Test
    void equalsTheEigenvalueFreeValuesOfMatrixEntropy() {
        double[][] a = Reference.matrix("a");
        double[][] b = Reference.matrix("b");
        try (NDManager m = Grokkit.engine().newBaseManager()) {
            NDArray ra = DifferentiableMatrixEntropy.linearGram(array(m, a));
            NDArray rb = DifferentiableMatrixEntropy.linearGram(array(m, b));
            for (int alpha : new int[] {2, 3, 4}) {
                assertEquals(MatrixEntropy.entropy(GramMatrix.linear(a), alpha),
                        DifferentiableMatrixEntropy.entropy(ra, alpha).getDouble(), 1e-10);
                assertEquals(MatrixEntropy.mutualInformation(GramMatrix.linear(a), GramMatrix.linear(b), alpha),
                        DifferentiableMatrixEntropy.mutualInformation(ra, rb, alpha).getDouble(), 1e-10);
            }
            assertEquals(Reference.expected().get("MI2_a_b"),
                    DifferentiableMatrixEntropy.mutualInformation(ra, rb, 2).getDouble(), 1e-9);
            assertThrows(IllegalArgumentException.class, () -> DifferentiableMatrixEntropy.entropy(ra, 1));
        }
    }

    /** Autograd's gradient of I_2(R(z); R(b)) in z against central differences of the double version. */
    @Test
    void gradientMatchesFiniteDifferences() {
        double[][] a = Reference.matrix("a");
        double[][] b = Reference.matrix("b");
        double[] grad;
        try (NDManager m = Grokkit.engine().newBaseManager()) {
            NDArray z = array(m, a);
            z.setRequiresGradient(true);
            NDArray rb = DifferentiableMatrixEntropy.linearGram(array(m, b));
            Autograd.backward(() -> DifferentiableMatrixEntropy.mutualInformation(
                    DifferentiableMatrixEntropy.linearGram(z), rb, 2));
            grad = z.getGradient().toDoubleArray();
        }
        double h = 1e-6;
        for (int[] ij : new int[][] {{0, 0}, {3, 2}, {17, 5}, {39, 1}}) {
            double[][] plus = deepCopy(a);
            double[][] minus = deepCopy(a);
            plus[ij[0]][ij[1]] += h;
            minus[ij[0]][ij[1]] -= h;
            double numeric = (MatrixEntropy.mutualInformation(GramMatrix.linear(plus), GramMatrix.linear(b), 2)
                    - MatrixEntropy.mutualInformation(GramMatrix.linear(minus), GramMatrix.linear(b), 2)) / (2 * h);
            assertEquals(numeric, grad[ij[0] * a[0].length + ij[1]], 1e-7);
        }
    }

    private static double[][] deepCopy(double[][] z) {
        double[][] c = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            c[i] = z[i].clone();
        }
        return c;
    }
}

package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowedLanczosTest {

    private final double[] eigenvalues = KnownMatrices.testEigenvalues(120);
    private final SymmetricOperator a = SymmetricOperator.of(KnownMatrices.withEigenvalues(eigenvalues, 3));

    /** v^T A^k v / v^T v, the moment an m-step Gauss rule reproduces for k <= 2m - 1. */
    private double moment(double[] v, int k) {
        double[] w = v.clone();
        for (int i = 0; i < k; i++) {
            w = a.apply(w);
        }
        return Vectors.dot(v, w) / Vectors.dot(v, v);
    }

    @Test
    void theThreeTermRecurrenceKeepsTheStartVectorsMoments() {
        double[] v = ProbeVectors.rademacher(a.dimension(), new Random(5));
        int m = 8;
        Spectrum rule = Lanczos.quadrature(a, v, m, 2);
        for (int k = 0; k <= 2 * m - 1; k++) {
            double s = 0;
            for (int j = 0; j < rule.nodes().length; j++) {
                s += rule.weights()[j] * Math.pow(rule.nodes()[j], k);
            }
            assertEquals(moment(v, k), s, 1e-8 * Math.max(1, Math.abs(moment(v, k))), "moment " + k);
        }
    }

    @Test
    void aShortRunMatchesFullReorthogonalization() {
        double[] v = ProbeVectors.rademacher(a.dimension(), new Random(6));
        Spectrum full = Lanczos.quadrature(a, v, 10);
        Spectrum windowed = Lanczos.quadrature(a, v, 10, 3);
        for (int j = 0; j < full.nodes().length; j++) {
            assertEquals(full.nodes()[j], windowed.nodes()[j], 1e-8);
            assertEquals(full.weights()[j], windowed.weights()[j], 1e-8);
        }
        assertEquals(StochasticLanczos.withDefaults().steps(10).spectrum(a).trace(),
                StochasticLanczos.withDefaults().steps(10).window(2).spectrum(a).trace(), 1e-6);
    }

    @Test
    void aWindowBelowTwoIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StochasticLanczos.withDefaults().window(1));
    }
}

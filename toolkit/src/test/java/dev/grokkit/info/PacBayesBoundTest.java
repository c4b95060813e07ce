package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacBayesBoundTest {

    /**
     * By hand: eigenvalues 1, 3 and -0.5 (clipped to 0), m = 100, s2 = 0.01, d = 0.1, so x = 1, 3, 0 and
     * KL = 0.1^2 / 0.02 + ((ln 2 - 1/2) + (ln 4 - 3/4)) / 2 = 0.5 + 0.41472..., the curvature term
     * (1/2 + 3/4) / 200 = 0.00625, and the square root sqrt((KL + ln(2 * 10 / 0.05)) / 200).
     */
    @Test
    void matchesAHandComputedCase() {
        PacBayesBound b = PacBayesBound.of(new double[] {1, 3, -0.5}, 0.1, 100, 0.01, 0.2, 0.05);
        double kl = 0.5 + 0.5 * (Math.log(2) - 0.5 + Math.log(4) - 0.75);
        assertEquals(kl, b.divergence(), 1e-14);
        assertEquals(0.9147207708399172, b.divergence(), 1e-14);
        assertEquals(kl - 0.5, b.spectralDivergence(), 1e-14);
        assertEquals(0.00625, b.curvature(), 1e-15);
        assertEquals(Math.sqrt((kl + Math.log(400)) / 200), b.complexity(), 1e-14);
        assertEquals(0.39207498914230965, b.bound(), 1e-14);
    }

    /** The KL agrees with the general Gaussian formula 1/2 [tr(S_P^-1 S_Q) + d^2 / s2 - n + ln det S_P - ln det S_Q]. */
    @Test
    void divergenceIsTheGaussianKl() {
        double[] lambda = {0.02, 0.5, 7, 40};
        long m = 1000;
        double s2 = 0.3, d = 2.5;
        double trace = 0, logDetQ = 0;
        for (double l : lambda) {
            double q = 1 / (m * l + 1 / s2);
            trace += q / s2;
            logDetQ += Math.log(q);
        }
        double kl = 0.5 * (trace + d * d / s2 - lambda.length + lambda.length * Math.log(s2) - logDetQ);
        assertEquals(kl, PacBayesBound.of(lambda, d, m, s2, 0, 0.1).divergence(), 1e-12);
    }

    /** A vanishing prior variance leaves only the distance term and no curvature penalty. */
    @Test
    void flatLimitKeepsOnlyTheDistance() {
        PacBayesBound b = PacBayesBound.of(new double[] {5, 5}, 1e-3, 10, 1e-9, 0, 0.1);
        assertEquals(1e-6 / 2e-9, b.divergence(), 1e-6);
        assertEquals(0, b.curvature(), 1e-8);
    }

    /** The best of a grid is the smallest bound over it, each at confidence delta / K. */
    @Test
    void bestTakesTheSmallestAtTheSplitConfidence() {
        double[] lambda = {0.1, 1, 10};
        double[] grid = {1e-4, 1e-3, 1e-2, 1e-1};
        PacBayesBound best = PacBayesBound.best(lambda, 0.5, 500, grid, 0.1, 0.05);
        double smallest = Double.POSITIVE_INFINITY;
        for (double s2 : grid) {
            smallest = Math.min(smallest, PacBayesBound.of(lambda, 0.5, 500, s2, 0.1, 0.05 / 4).bound());
        }
        assertEquals(smallest, best.bound(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> PacBayesBound.best(lambda, 0.5, 500, new double[0], 0.1, 0.05));
        assertThrows(IllegalArgumentException.class, () -> PacBayesBound.of(lambda, 0.5, 500, 0, 0.1, 0.05));
    }
}

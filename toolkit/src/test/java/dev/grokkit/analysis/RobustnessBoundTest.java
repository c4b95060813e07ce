package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Theorem 3.2's radius and coverage on hand-computed cases. */
class RobustnessBoundTest {

    @Test
    void radiusIsTheTheoremsFormula() {
        // n = 4, ||W||^2 = 2, S = 8, min ||x||^2 = 4: sqrt(4 * 2 * 8 / 4) = 4, eps = 1 / (2 (4 + 1)) with L = 1
        assertEquals(0.1, RobustnessBound.radius(4, 2, 8, 4, 1), 1e-15);
        assertEquals(0.125, RobustnessBound.radius(4, 2, 8, 4, 0), 1e-15);
        // a tiny sharpness would give a radius over 1: capped at 1
        assertEquals(1.0, RobustnessBound.radius(4, 2, 1e-6, 4, 0), 0);
        assertTrue(Double.isNaN(RobustnessBound.radius(4, 2, 0, 4, 0)));
        assertTrue(Double.isNaN(RobustnessBound.radius(4, 2, -1, 4, 0)));
        assertThrows(IllegalArgumentException.class, () -> RobustnessBound.radius(4, 2, 8, 0, 0));
    }

    @Test
    void nearestDistancesAndCoverageOnAGrid() {
        double[][] train = {{0, 0}, {3, 0}, {0, 4}};
        double[][] test = {{0, 1}, {3, 4}, {1, 0}, {0, 0}};
        // nearest: (0,1) -> 1; (3,4) -> 3 (to (0,4)) ; (1,0) -> 1; (0,0) -> 0
        assertArrayEquals(new double[] {0, 1, 1, 3}, RobustnessBound.nearestDistances(train, test), 1e-15);
        double[] d = RobustnessBound.nearestDistances(train, test);
        assertEquals(0.25, RobustnessBound.coveredFraction(d, 0.5), 0);
        assertEquals(0.75, RobustnessBound.coveredFraction(d, 1.0), 0);
        assertEquals(1.0, RobustnessBound.coveredFraction(d, 3.0), 0);
        assertEquals(0.0, RobustnessBound.coveredFraction(d, Double.NaN), 0);
        assertEquals(9.0, RobustnessBound.minSquaredNorm(new double[][] {{3, 4}, {0, 3}, {-4, 0}}), 0);
    }
}

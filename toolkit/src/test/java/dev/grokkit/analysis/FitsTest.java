package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FitsTest {

    /** Reference: scipy.stats.linregress and stats.t.ppf(0.975, 4) on the same points (SciPy 1.10). */
    @Test
    void lineMatchesScipyLinregress() {
        LineFit fit = Fits.line(new double[] {1, 2, 3, 4, 5, 6}, new double[] {2.1, 3.9, 6.2, 7.8, 10.1, 12.2});
        assertEquals(2.0199999999999996, fit.slope(), 1e-12);
        assertEquals(-0.019999999999998685, fit.intercept(), 1e-12);
        assertEquals(0.04276179870599006, fit.slopeStdErr(), 1e-12);
        assertEquals(0.16653327995729902, fit.interceptStdErr(), 1e-12);
        assertEquals(0.9982106661074996, fit.rSquared(), 1e-12);
        assertEquals(1.9012742132932998, fit.slopeLow(), 1e-9);
        assertEquals(2.1387257867066993, fit.slopeHigh(), 1e-9);
    }

    @Test
    void exactLawsAreRecovered() {
        double[] n = {100, 200, 300, 400, 500};
        double[] t = new double[n.length];
        double[] square = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            t[i] = 5e4 * Math.exp(-0.01 * n[i]);
            square[i] = 3 * n[i] * n[i];
        }
        LineFit exponential = Fits.exponential(n, t);
        assertEquals(-0.01, exponential.slope(), 1e-12);
        assertEquals(Math.log(5e4), exponential.intercept(), 1e-9);
        assertEquals(1, exponential.rSquared(), 1e-12);
        LineFit power = Fits.powerLaw(n, square);
        assertEquals(2, power.slope(), 1e-12);
        assertEquals(Math.log(3), power.intercept(), 1e-9);
        assertTrue(power.slopeHigh() - power.slopeLow() < 1e-9);
    }

    @Test
    void missingPointsAreLeftOutAndBadOnesNamed() {
        LineFit fit = Fits.line(new double[] {1, 2, Double.NaN, 3}, new double[] {1, 2, 5, 3});
        assertEquals(3, fit.n());
        assertEquals(1, fit.slope(), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fits.powerLaw(new double[] {1, 0, 2, 3}, new double[] {1, 1, 1, 1}));
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fits.line(new double[] {1, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Fits.line(new double[] {1, 2, 3}, new double[] {1, 2}));
    }
}

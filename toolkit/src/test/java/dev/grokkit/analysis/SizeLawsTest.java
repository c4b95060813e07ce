package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SizeLawsTest {

    private static final double[] SIZES = {200, 300, 400, 500, 600, 700, 800};

    /** t = law(N), times a small fixed wobble e^(0.01 sin 7i) so that no fit is perfect. */
    private static double[] times(DoubleUnaryOperator law) {
        double[] t = new double[SIZES.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = law.applyAsDouble(SIZES[i]) * Math.exp(0.01 * Math.sin(7 * i));
        }
        return t;
    }

    @Test
    void anExponentialIsRecoveredAndPreferred() {
        double[] t = times(n -> 5e4 * Math.exp(-0.01 * n));
        ModelFit exponential = SizeLaws.exponential(SIZES, t);
        assertEquals(Math.log(5e4), exponential.parameters()[0], 0.02);
        assertEquals(-0.01, exponential.parameters()[1], 5e-5);
        assertTrue(exponential.aic() < SizeLaws.powerLaw(SIZES, t).aic());
        assertEquals(Math.log(5e4) - 0.01 * 250, exponential.predict(250), 0.02);
    }

    @Test
    void aPowerLawIsRecoveredAndPreferredToTheExponential() {
        double[] t = times(n -> 1e6 * Math.pow(n, -1.2));
        ModelFit power = SizeLaws.powerLaw(SIZES, t);
        assertEquals(-1.2, power.parameters()[1], 0.01);
        assertTrue(power.aic() < SizeLaws.exponential(SIZES, t).aic());
    }

    @Test
    void aCriticalSizeIsRecovered() {
        double[] t = times(n -> 20 * Math.pow(n - 150, -1.5) * 1e4);
        ModelFit critical = SizeLaws.criticalSize(SIZES, t);
        double[] p = critical.parameters();
        assertEquals(1.5, p[1], 0.05);
        assertEquals(150, p[2], 5);
        assertTrue(critical.aic() < SizeLaws.exponential(SIZES, t).aic());
        assertTrue(critical.aic() < SizeLaws.powerLaw(SIZES, t).aic());
    }

    @Test
    void aCriticalFractionIsReportedOnlyAboveZero() {
        ModelFit found = new ModelFit(SizeLaws.CRITICAL, 7, 3, 1e-2, new double[] {1, 1.5, 360}, x -> 0);
        assertEquals("critical fraction 0.360", SizeLaws.criticalFraction(found, 1000));
        ModelFit none = new ModelFit(SizeLaws.CRITICAL, 7, 3, 1e-2, new double[] {1, 1.5, -8.42e5}, x -> 0);
        assertEquals("no critical size above 0 (fitted N_c = -8.42e+05)", SizeLaws.criticalFraction(none, 1000));
        assertThrows(IllegalArgumentException.class, () -> SizeLaws.criticalFraction(
                new ModelFit(SizeLaws.POWER, 7, 2, 1e-2, new double[] {1, 1}, x -> 0), 1000));
    }

    /** AIC and BIC by hand: n = 5, k = 2, RSS = 5e-2, so n ln(RSS/n) = 5 ln 0.01. */
    @Test
    void informationCriteriaFollowTheirFormulas() {
        ModelFit f = new ModelFit("m", 5, 2, 5e-2, new double[] {0, 0}, x -> 0);
        assertEquals(5 * Math.log(0.01) + 6, f.aic(), 1e-12);
        assertEquals(5 * Math.log(0.01) + 3 * Math.log(5), f.bic(), 1e-12);
    }

    @Test
    void refusesTooFewSizesAndNonPositiveTimes() {
        assertThrows(IllegalArgumentException.class,
                () -> SizeLaws.all(new double[] {100, 100, 200, 200}, new double[] {5, 6, 3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> SizeLaws.all(new double[] {100, 200, 300}, new double[] {5, 0, 3}));
    }
}

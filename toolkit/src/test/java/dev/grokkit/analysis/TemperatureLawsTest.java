package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class TemperatureLawsTest {

    private static final double[] TEMPERATURES = {1e-6, 2e-6, 3e-6, 5e-6, 1e-5, 2e-5};

    /** t = law(T), times a small fixed wobble e^(0.01 sin 7i) so that no fit is perfect. */
    private static double[] times(DoubleUnaryOperator law) {
        double[] t = new double[TEMPERATURES.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = law.applyAsDouble(TEMPERATURES[i]) * Math.exp(0.01 * Math.sin(7 * i));
        }
        return t;
    }

    @Test
    void anArrheniusLawIsRecoveredAndPreferred() {
        double[] t = times(T -> 300 * Math.exp(2e-6 / T));
        ModelFit arrhenius = TemperatureLaws.arrhenius(TEMPERATURES, t);
        assertEquals(Math.log(300), arrhenius.parameters()[0], 0.02);
        assertEquals(2e-6, arrhenius.parameters()[1], 2e-8);
        assertEquals(Math.log(300) + 1, arrhenius.predict(2e-6), 0.02);
        assertTrue(arrhenius.aic() < TemperatureLaws.linear(TEMPERATURES, t).aic());
    }

    @Test
    void aLawLinearInTIsRecoveredAndPreferred() {
        double[] t = times(T -> 500 * Math.exp(1e5 * T));
        ModelFit linear = TemperatureLaws.linear(TEMPERATURES, t);
        assertEquals(1e5, linear.parameters()[1], 1e3);
        assertTrue(linear.aic() < TemperatureLaws.arrhenius(TEMPERATURES, t).aic());
    }

    @Test
    void theComparisonPrefersTheTrueLawWithAnInterval() {
        double[] t = times(T -> 300 * Math.exp(2e-6 / T));
        ModelComparison c = ModelComparison.of(TEMPERATURES, t, TemperatureLaws::all, 500, 1);
        assertEquals(TemperatureLaws.ARRHENIUS, c.best().name());
        assertEquals(Verdict.HOLDS, c.referencePreferredTo(TemperatureLaws.LINEAR, "Arrhenius fits better").verdict());
    }

    @Test
    void refusesTemperatureZeroAndTooFewTemperatures() {
        assertThrows(IllegalArgumentException.class,
                () -> TemperatureLaws.all(new double[] {0, 1e-6, 2e-6, 3e-6}, new double[] {1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> TemperatureLaws.all(new double[] {1e-6, 1e-6, 2e-6, 2e-6}, new double[] {1, 2, 3, 4}));
    }
}

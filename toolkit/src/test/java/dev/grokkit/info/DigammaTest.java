package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DigammaTest {

    private static final double EULER_GAMMA = 0.5772156649015329;

    @Test
    void closedFormsAtIntegersAndHalf() {
        double harmonic = 0;
        for (int n = 1; n <= 3000; n++) {
            assertEquals(harmonic - EULER_GAMMA, Digamma.of(n), 1e-13 * Math.max(1, Math.log(n)));
            harmonic += 1.0 / n;
        }
        assertEquals(-EULER_GAMMA - 2 * Math.log(2), Digamma.of(0.5), 1e-14);
        assertEquals(Digamma.of(0.3) + 1 / 0.3, Digamma.of(1.3), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> Digamma.of(0));
    }
}

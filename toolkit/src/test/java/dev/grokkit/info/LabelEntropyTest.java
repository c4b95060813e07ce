package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelEntropyTest {

    @Test
    void knownDistributions() {
        assertEquals(Math.log(10), LabelEntropy.of(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 1e-12); // uniform over 10
        assertEquals(0, LabelEntropy.of(7, 0, 0), 1e-12); // one class
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), LabelEntropy.of(1, 3), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LabelEntropy.of(0, 0));
    }
}

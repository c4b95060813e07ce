package dev.grokkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class LionBayesCheckTest {

    @Test
    void binaryEntropyByHand() {
        assertEquals(Math.log(2), LionBayesCheck.binaryEntropy(0.5), 1e-15);
        assertEquals(0, LionBayesCheck.binaryEntropy(0), 0);
    }

    @Test
    void signHasTheBayesErrorPhiOfMinusA() {
        Table t = LionBayesCheck.run(200_000, 4);
        // Phi(-1) = 0.158655..., Phi(-2) = 0.0227501...
        assertEquals(0.15865525393145707, t.row(2).getDouble("Phi(-a/sigma)"), 1e-12);
        assertEquals(0.02275013194817921, t.row(3).getDouble("Phi(-a/sigma)"), 1e-12);
        for (Row r : t) {
            assertEquals(r.getDouble("Phi(-a/sigma)"), r.getDouble("error sign(x)"), 0.005);
            assertTrue(r.getBoolean("agrees"));
        }
    }
}

package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class UniformGapTest {

    @Test
    void twoOutcomesByHand() {
        double[] p = {0.75, 0.25};
        double gap = Math.log(2) + 0.75 * Math.log(0.75) + 0.25 * Math.log(0.25);
        assertEquals(gap, UniformGap.gap(p), 1e-15);
        assertEquals(0.25, UniformGap.totalVariation(p), 1e-15);
        assertEquals(2 * 0.25 * 0.25, UniformGap.pinsker(p), 1e-15);
        assertEquals(0.25 * Math.log(3), UniformGap.lemma35(p), 1e-15);
        assertEquals(Math.log(1.5), UniformGap.lemma36(p), 1e-15);
        assertTrue(UniformGap.pinsker(p) <= gap && gap <= UniformGap.lemma35(p) && gap <= UniformGap.lemma36(p));
    }

    @Test
    void uniformHasNoGapAndAPointMassMeetsLemma36() {
        assertEquals(0, UniformGap.gap(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}), 1e-15);
        double[] mass = {1, 0, 0, 0};
        assertEquals(Math.log(4), UniformGap.gap(mass), 1e-15);
        assertEquals(0.75, UniformGap.totalVariation(mass), 1e-15);
        assertEquals(Math.log(4), UniformGap.lemma36(mass), 1e-15); // ln(1 + 4 * 3/4)
    }

    @Test
    void halfSquaredCvByHand() {
        // mean 2, population variance 1: CV^2 = 1/4
        assertEquals(0.125, UniformGap.halfSquaredCv(new double[] {1, 3}), 1e-15);
        assertEquals(UniformGap.gap(new double[] {0.25, 0.75}), UniformGap.gap(UniformGap.normalized(new double[] {1, 3})), 1e-15);
    }

    @Test
    void noDirichletDrawBreaksTheBounds() {
        Table t = UniformGapCheck.lemmas(200, 1);
        assertEquals(9, t.rowCount());
        for (Row r : t) {
            assertEquals(0, r.getInt("violations"));
            assertTrue(r.getDouble("max gap / Lemma 3.5") <= 1 && r.getDouble("min gap / Pinsker") >= 1);
        }
    }

    @Test
    void largeSamplesReachTheClosedFormLimits() {
        Table t = UniformGapCheck.theorem37(2);
        for (Row r : t) {
            if (r.getInt("n") == 100_000) {
                assertEquals(r.getDouble("exact limit"), r.getDouble("gap"), 0.01, r.getString("distribution"));
                assertEquals(r.getDouble("CV^2 / 2 of the law"), r.getDouble("CV^2 / 2 of the sample"), 0.02);
            }
        }
        // Gamma(1) = exponential: the limit 1 - Euler's gamma, below CV^2 / 2 = 1/2
        assertEquals(1 - 0.5772156649015329, t.row(0).getDouble("exact limit"), 1e-9);
    }
}

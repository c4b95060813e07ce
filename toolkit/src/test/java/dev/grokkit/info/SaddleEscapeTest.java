package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SaddleEscapeTest {

    /**
     * One direction, a = eta lambda = 0.01: x_t ~ (1 + a)^t noise Z / sqrt(1 - (1 + a)^-2), so the mean
     * first time |x_t| >= r is [ln r - ln(noise / sqrt(1 - (1 + a)^-2)) + (gamma + ln 2) / 2] / ln(1 + a),
     * about 561 steps; 400 runs give a standard error of about 6.
     */
    @Test
    void oneDirectionEscapesWhenTheClosedFormSays() {
        SaddleEscape escape = new SaddleEscape(0.1, 1e-3, 1, 1e9, 100_000);
        double a = 0.01, gamma = 0.5772156649015329;
        double expected = (-Math.log(1e-3 / Math.sqrt(1 - Math.pow(1 + a, -2))) + (gamma + Math.log(2)) / 2)
                / Math.log(1 + a);
        int runs = 400;
        double[] t = new double[runs];
        for (int s = 0; s < runs; s++) {
            t[s] = escape.run(new double[] {0.1}, s).allDirections();
        }
        double mean = Arrays.stream(t).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / (runs - 1));
        assertEquals(expected, mean, 4 * sd / Math.sqrt(runs) + 2, "mean escape time");
    }

    /** The loss -lambda x^2 / 2 drops by `drop` exactly when |x| reaches sqrt(2 drop / lambda). */
    @Test
    void lossEscapeIsTheRadiusWhereTheLossHasDropped() {
        double lambda = 0.5, drop = 2;
        SaddleEscape byLoss = new SaddleEscape(0.1, 1e-3, 1e9, drop, 100_000);
        SaddleEscape byRadius = new SaddleEscape(0.1, 1e-3, Math.sqrt(2 * drop / lambda), 1e9, 100_000);
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(byRadius.run(new double[] {lambda}, seed).allDirections(),
                    byLoss.run(new double[] {lambda}, seed).loss());
        }
    }

    @Test
    void geometricSpectrumHasTheAskedTraceAndGap() {
        for (double gap : new double[] {0, 0.1, 0.5, 1.2, 2}) {
            double[] l = SaddleEscape.geometricSpectrum(10, 10, gap);
            assertEquals(10, Arrays.stream(l).sum(), 1e-9);
            assertEquals(gap, SaddleEscape.entropyGap(l), 1e-9);
        }
        assertEquals(1, SaddleEscape.geometricSpectrum(4, 4, 0)[3], 1e-6);
        assertThrows(IllegalArgumentException.class, () -> SaddleEscape.geometricSpectrum(4, 4, Math.log(4)));
    }

    @Test
    void sweepHasOneRowPerSeedAndGap() {
        Table t = SaddleEscape.withDefaults().sweep(5, 5, new double[] {0, 0.5}, 3);
        assertEquals(6, t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            assertTrue(t.doubleColumn("loss escape").get(i) <= t.doubleColumn("all-direction escape").get(i) + 1e6);
            assertTrue(t.doubleColumn("lambda max").get(i) >= t.doubleColumn("lambda min").get(i));
        }
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    /** Sizes 200..800 by 100, three "seeds" each, ln t = law(N) + Gaussian noise of sd 0.05. */
    private static double[][] runs(DoubleUnaryOperator lnLaw, long seed) {
        Random random = new Random(seed);
        double[] n = new double[21];
        double[] t = new double[21];
        for (int i = 0; i < n.length; i++) {
            n[i] = 200 + 100 * (i / 3);
            t[i] = Math.exp(lnLaw.applyAsDouble(n[i]) + 0.05 * random.nextGaussian());
        }
        return new double[][] {n, t};
    }

    @Test
    void exponentialTruthIsPreferredToThePowerLaw() {
        double[][] r = runs(n -> 12 - 0.01 * n, 1);
        ModelComparison c = ModelComparison.of(r[0], r[1], SizeLaws::all, 400, 7);
        assertEquals(SizeLaws.EXPONENTIAL, c.reference().name());
        assertEquals(Verdict.HOLDS, c.referencePreferredTo(SizeLaws.POWER, "exponential beats power").verdict());
    }

    @Test
    void powerTruthIsNotFitBetterByTheExponential() {
        double[][] r = runs(n -> 14 - 1.5 * Math.log(n), 2);
        ModelComparison c = ModelComparison.of(r[0], r[1], SizeLaws::all, 400, 7);
        assertEquals(Verdict.DOES_NOT_HOLD, c.referencePreferredTo(SizeLaws.POWER, "exponential beats power").verdict());
    }

    @Test
    void theBootstrapIsSeededAndTheWeightsSumToOne() {
        double[][] r = runs(n -> 12 - 0.01 * n, 3);
        ModelComparison a = ModelComparison.of(r[0], r[1], SizeLaws::all, 200, 11);
        ModelComparison b = ModelComparison.of(r[0], r[1], SizeLaws::all, 200, 11);
        assertArrayEquals(a.replicates(SizeLaws.CRITICAL), b.replicates(SizeLaws.CRITICAL));
        assertEquals(1, a.table().doubleColumn("Akaike weight").sum(), 1e-12);
        assertEquals(0, a.table().doubleColumn("AIC - reference").get(0), 0);
    }
}

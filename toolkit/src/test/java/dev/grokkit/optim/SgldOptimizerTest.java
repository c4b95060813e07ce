package dev.grokkit.optim;

import static dev.grokkit.optim.Steps.assertTrajectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import dev.grokkit.engine.Grokkit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SgldOptimizerTest {

    static final double[] W0 = SgdOptimizerTest.W0;
    static final double[][] GRADS = SgdOptimizerTest.GRADS;

    @Test
    void zeroTemperatureIsExactlyGradientDescent() {
        double[][] sgld = Steps.run(Optimizers.sgld().learningRate(0.1).temperature(0).build(), W0, GRADS);
        double[][] sgd = Steps.run(Optimizers.sgd().learningRate(0.1).build(), W0, GRADS);
        for (int t = 0; t < GRADS.length; t++) {
            assertArrayEquals(sgd[t], sgld[t], 0.0);
        }
        assertTrajectory(SgdOptimizerTest.byHand(0.1, 0, false, 0), sgld, 1e-12);
    }

    @Test
    void weightDecayIsAnAddedGradient() {
        double[][] sgld = Steps.run(Optimizers.sgld().learningRate(0.1).weightDecay(0.2).temperature(0).build(),
                W0, GRADS);
        assertTrajectory(SgdOptimizerTest.byHand(0.1, 0, false, 0.2), sgld, 1e-12);
    }

    /** With zero gradient one step moves each weight by sqrt(2 lr T) N(0, 1). */
    @Test
    void noiseVarianceIsTwoLrTemperature() {
        int n = 20_000;
        double lr = 0.01;
        double temperature = 0.5;
        Grokkit.seed(5);
        double[] w = Steps.run(Optimizers.sgld().learningRate(lr).temperature(temperature).build(),
                new double[n], new double[][] {new double[n]})[0];
        double mean = 0;
        double sumSquares = 0;
        for (double x : w) {
            mean += x / n;
            sumSquares += x * x;
        }
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        double expected = 2 * lr * temperature;
        // standard errors: of the mean sqrt(var / n), of a Gaussian sample variance var sqrt(2 / (n - 1))
        assertEquals(0, mean, 4 * Math.sqrt(expected / n));
        assertEquals(expected, variance, 4 * expected * Math.sqrt(2.0 / (n - 1)));
    }

    @Test
    void sameSeedSameNoiseInTheWeightsType() {
        double[] zeros = new double[50];
        var spec = Optimizers.sgld().learningRate(0.01).temperature(1);
        Grokkit.seed(42);
        double[] a = Steps.run(spec.build(), zeros, new double[][] {zeros, zeros})[1];
        Grokkit.seed(42);
        double[] b = Steps.run(spec.build(), zeros, new double[][] {zeros, zeros})[1];
        Grokkit.seed(43);
        double[] c = Steps.run(spec.build(), zeros, new double[][] {zeros, zeros})[1];
        assertArrayEquals(a, b, 0.0);
        assertFalse(Arrays.equals(a, c));
        // float64 noise, not float32 noise widened: most values are not floats
        long floats = Arrays.stream(a).filter(x -> (double) (float) x == x).count();
        assertTrue(floats < 5, floats + " of 50 float64 draws are exact floats");

        Grokkit.seed(42);
        double[] single = Steps.run(spec.build(), zeros, new double[][] {zeros, zeros}, DataType.FLOAT32)[1];
        assertTrue(Arrays.stream(single).allMatch(x -> (double) (float) x == x));
    }
}

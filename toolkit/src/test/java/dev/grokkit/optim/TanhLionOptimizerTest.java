package dev.grokkit.optim;

import static dev.grokkit.optim.Steps.assertTrajectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.grokkit.engine.Grokkit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TanhLionOptimizerTest {

    static final double[] W0 = LionOptimizerTest.W0;
    static final double[][] GRADS = LionOptimizerTest.GRADS;

    /**
     * TanhLion in plain doubles: v = b2 v + (1-b2)(g - m)^2; s = T rho sqrt(v), rho^2 = (b1^2 (1-b2)
     * + (1-b1)^2 (1+b2)) / 2; w -= lr tanh(c / s), otherwise as Lion.
     */
    static double[][] byHand(double[][] grads, double lr, double b1, double b2, double wd, double temperature) {
        double rho = Math.sqrt((b1 * b1 * (1 - b2) + (1 - b1) * (1 - b1) * (1 + b2)) / 2);
        double[] w = W0.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[][] out = new double[grads.length][];
        for (int t = 0; t < grads.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = grads[t][i];
                w[i] *= 1 - lr * wd;
                double c = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * (g - m[i]) * (g - m[i]);
                double s = Math.max(temperature * rho * Math.sqrt(v[i]), Float.MIN_NORMAL);
                w[i] -= lr * Math.tanh(c / s);
                m[i] = b2 * m[i] + (1 - b2) * g;
            }
            out[t] = w.clone();
        }
        return out;
    }

    @Test
    void stepsMatchHand() {
        var spec = Optimizers.tanhLion().learningRate(0.1).betas(0.9, 0.99).weightDecay(0.5).temperature(0.7);
        double[][] actual = Steps.run(spec.build(), W0, GRADS);
        // step 1 by hand, element 0: c = 0.01, v = 0.01 * 0.01, s = 0.7 rho 0.01, so c / s = 1 / (0.7 rho)
        double rho = Math.sqrt((0.81 * 0.01 + 0.01 * 1.99) / 2);
        assertEquals(0.5 * 0.95 - 0.1 * Math.tanh(1 / (0.7 * rho)), actual[0][0], 1e-15);
        assertTrajectory(byHand(GRADS, 0.1, 0.9, 0.99, 0.5, 0.7), actual, 1e-12);
        assertTrajectory(byHand(GRADS, 0.01, 0.5, 0.9, 0, 3.0), Steps.run(
                Optimizers.tanhLion().learningRate(0.01).betas(0.5, 0.9).temperature(3.0).build(), W0, GRADS), 1e-12);
    }

    @Test
    void tinyOrZeroTemperatureIsExactlyLion() {
        double[][] lion = Steps.run(Optimizers.lion().learningRate(0.1).weightDecay(0.5).build(), W0, GRADS);
        for (double temperature : new double[] {0, 1e-30}) {
            double[][] tanh = Steps.run(Optimizers.tanhLion().learningRate(0.1).weightDecay(0.5)
                    .temperature(temperature).build(), W0, GRADS);
            for (int t = 0; t < lion.length; t++) {
                assertArrayEquals(lion[t], tanh[t], 0.0, "temperature " + temperature + ", step " + (t + 1));
            }
        }
    }

    @Test
    void stepIsInvariantToGradientScale() {
        double[][] scaled = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            scaled[t] = GRADS[t].clone();
            for (int i = 0; i < scaled[t].length; i++) {
                scaled[t][i] *= 1e3;
            }
        }
        var spec = Optimizers.tanhLion().learningRate(0.1).temperature(2.0);
        assertTrajectory(Steps.run(spec.build(), W0, GRADS), Steps.run(spec.build(), W0, scaled), 1e-12);
    }

    /** With g = mu + N(0, sigma^2) noise, the "noise" slot v estimates sigma^2 * 2 / (1 + b2). */
    @Test
    void noiseSlotEstimatesGradientNoiseVariance() {
        int n = 1000;
        double sigma = 0.5;
        double b2 = 0.9;
        TanhLionOptimizer optimizer = Optimizers.tanhLion().learningRate(1e-3).betas(0.9, b2).build();
        Random random = new Random(11);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray w = manager.zeros(new ai.djl.ndarray.types.Shape(n), ai.djl.ndarray.types.DataType.FLOAT64);
            double[] g = new double[n];
            for (int step = 0; step < 300; step++) {
                for (int i = 0; i < n; i++) {
                    g[i] = 0.3 + sigma * random.nextGaussian();
                }
                try (NDScope scope = new NDScope()) {
                    optimizer.update("w", w, manager.create(g));
                    scope.suppressNotUsedWarning();
                }
            }
            double meanV = optimizer.slots().get("w#noise").mean().getDouble();
            // v averages about (1 + b2) / (1 - b2) = 19 effective samples per element, 1000
            // elements: relative standard error about sqrt(2 / 19000) = 1%
            assertEquals(sigma * sigma * 2 / (1 + b2), meanV, 0.04 * sigma * sigma);
        }
    }
}

package dev.grokkit.optim;

import static dev.grokkit.optim.Steps.assertTrajectory;

import org.junit.jupiter.api.Test;

class LionOptimizerTest {

    /** The last element's gradient is 0, where sign(c) = 0; the first changes sign at step 2. */
    static final double[] W0 = {0.5, -1.25, 2.0, 0.0};
    static final double[][] GRADS = {{0.1, -0.2, 0.3, 0}, {-0.5, 0.4, 0.25, 0}, {0.2, -0.1, -0.3, 0}};

    /** Lion in plain doubles: w *= 1 - lr wd; c = b1 m + (1-b1) g; w -= lr sign(c); m = b2 m + (1-b2) g. */
    static double[][] byHand(double lr, double b1, double b2, double wd) {
        double[] w = W0.clone();
        double[] m = new double[w.length];
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = GRADS[t][i];
                w[i] *= 1 - lr * wd;
                w[i] -= lr * Math.signum(b1 * m[i] + (1 - b1) * g);
                m[i] = b2 * m[i] + (1 - b2) * g;
            }
            out[t] = w.clone();
        }
        return out;
    }

    @Test
    void firstStepIsDecayThenSignStep() {
        double[][] actual = Steps.run(Optimizers.lion().learningRate(0.1).weightDecay(0.5).build(), W0, GRADS);
        // w1 = w0 (1 - 0.1 * 0.5) - 0.1 sign(g1)
        assertTrajectory(new double[][] {{0.5 * 0.95 - 0.1, -1.25 * 0.95 + 0.1, 2.0 * 0.95 - 0.1, 0.0}},
                new double[][] {actual[0]}, 1e-15);
    }

    @Test
    void stepsMatchHandWithAndWithoutWeightDecay() {
        assertTrajectory(byHand(0.1, 0.9, 0.99, 0), Steps.run(Optimizers.lion().learningRate(0.1).build(), W0, GRADS),
                1e-12);
        assertTrajectory(byHand(0.01, 0.8, 0.95, 2.0), Steps.run(
                Optimizers.lion().learningRate(0.01).betas(0.8, 0.95).weightDecay(2.0).build(), W0, GRADS), 1e-12);
    }
}

package dev.grokkit.optim;

import static dev.grokkit.optim.Steps.assertTrajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.grokkit.engine.Grokkit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {

    /** The last element's gradients are near eps, where eps's placement matters. */
    static final double[] W0 = {0.5, -1.25, 2.0, 1e-3};
    static final double[][] GRADS = {{0.1, -0.2, 0.3, 1e-9}, {-0.05, 0.4, 0.25, -1e-9}, {0.2, 0.1, -0.3, 2e-9}};

    /** torch.optim.Adam / AdamW in plain doubles. */
    static double[][] byHand(double lr, double b1, double b2, double eps, double wd, boolean decoupled) {
        double[] w = W0.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[][] out = new double[GRADS.length][];
        for (int t = 1; t <= GRADS.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = GRADS[t - 1][i];
                if (decoupled) {
                    w[i] *= 1 - lr * wd;
                } else {
                    g += wd * w[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            out[t - 1] = w.clone();
        }
        return out;
    }

    @Test
    void firstStepIsLrTimesSignOfGradient() {
        // t = 1: mHat = g, vHat = g^2, so w1 = w0 - lr g / (|g| + eps)
        double[][] actual = Steps.run(Optimizers.adam().learningRate(0.01).epsilon(1e-12).build(), W0, GRADS);
        for (int i = 0; i < 3; i++) {
            double g = GRADS[0][i];
            Steps.assertTrajectory(new double[][] {{W0[i] - 0.01 * g / (Math.abs(g) + 1e-12)}},
                    new double[][] {{actual[0][i]}}, 1e-15);
        }
    }

    @Test
    void adamAndAdamWMatchHand() {
        assertTrajectory(byHand(1e-2, 0.9, 0.98, 1e-8, 0.3, false), Steps.run(
                Optimizers.adam().learningRate(1e-2).betas(0.9, 0.98).weightDecay(0.3).build(), W0, GRADS), 1e-12);
        assertTrajectory(byHand(1e-2, 0.9, 0.98, 1e-8, 1.0, true), Steps.run(
                Optimizers.adamW().learningRate(1e-2).betas(0.9, 0.98).weightDecay(1.0).build(), W0, GRADS), 1e-12);
    }

    @Test
    void matchesTorchOptimAdamAndAdamW() throws Exception {
        Map<String, double[][]> torch = new TorchOptim()
                .add("adam", "Adam", "lr=0.01,betas=0.9:0.98,eps=1e-08,weight_decay=0.3", W0, GRADS)
                .add("adamw", "AdamW", "lr=0.001,betas=0.9:0.98,eps=1e-08,weight_decay=1.0", W0, GRADS)
                .add("adamwDefaults", "AdamW", "", W0, GRADS)
                .run();
        assertTrajectory(torch.get("adam"), Steps.run(Optimizers.adam().learningRate(0.01).betas(0.9, 0.98)
                .epsilon(1e-8).weightDecay(0.3).build(), W0, GRADS), 1e-10);
        assertTrajectory(torch.get("adamw"), Steps.run(Optimizers.adamW().learningRate(1e-3).weightDecay(1.0)
                .betas(0.9, 0.98).build(), W0, GRADS), 1e-10);
        assertTrajectory(torch.get("adamwDefaults"), Steps.run(Optimizers.adamW().build(), W0, GRADS), 1e-10);
    }

    /** float32 takes the fused native update: it follows the float64 rule, also where |g| is near eps. */
    @Test
    void fusedFloat32UpdateFollowsFloat64Rule() {
        double[][] tiny = {{1e-8, -2e-8, 5e-9, 1e-9}, {-1e-8, 3e-8, 1e-8, -1e-9}, {2e-8, 1e-8, -3e-9, 2e-9}};
        for (OptimizerSpec spec : new OptimizerSpec[] {
                Optimizers.adam().learningRate(1e-2).weightDecay(0.3),
                Optimizers.adamW().learningRate(1e-2).betas(0.9, 0.98).weightDecay(1.0)}) {
            for (double[][] grads : new double[][][] {GRADS, tiny}) {
                assertTrajectory(Steps.run(spec.build(), W0, grads),
                        Steps.run(spec.build(), W0, grads, ai.djl.ndarray.types.DataType.FLOAT32), 2e-6);
            }
        }
    }

    /** A real parameter: gradient recorded by a collector, update outside it, in place on the leaf. */
    @Test
    void updatesAParameterThatRecordsGradients() {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray w = manager.create(W0);
            w.setRequiresGradient(true);
            AdamOptimizer adam = Optimizers.adamW().learningRate(1e-2).weightDecay(1.0).betas(0.9, 0.98).build();
            for (int t = 0; t < GRADS.length; t++) {
                // d/dw sum(g_t * w) = g_t
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    collector.backward(w.mul(manager.create(GRADS[t])).sum());
                }
                adam.update("w", w, w.getGradient());
                w.getGradient().muli(0); // as the training loop does: gradients accumulate
            }
            assertArrayEquals(byHand(1e-2, 0.9, 0.98, 1e-8, 1.0, true)[GRADS.length - 1], w.toDoubleArray(), 1e-12);
        }
    }
}

package dev.grokkit.optim;

import static dev.grokkit.optim.Steps.assertTrajectory;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SgdOptimizerTest {

    static final double[] W0 = {0.5, -1.25, 2.0};
    static final double[][] GRADS = {{0.1, -0.2, 0.3}, {-0.05, 0.4, 0.25}, {0.2, 0.1, -0.3}};

    /** PyTorch's SGD (dampening 0) in plain doubles: d = g + wd w; b = mu b + d; d = b or d + mu b. */
    static double[][] byHand(double lr, double mu, boolean nesterov, double wd) {
        double[] w = W0.clone();
        double[] b = new double[w.length];
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double d = GRADS[t][i] + wd * w[i];
                if (mu > 0) {
                    b[i] = mu * b[i] + d;
                    d = nesterov ? d + mu * b[i] : b[i];
                }
                w[i] -= lr * d;
            }
            out[t] = w.clone();
        }
        return out;
    }

    @Test
    void plainStepsAreWMinusLrG() {
        double[][] actual = Steps.run(Optimizers.sgd().learningRate(0.1).build(), W0, GRADS);
        // step 1 by hand: 0.5 - 0.1 * 0.1 = 0.49, -1.25 + 0.02 = -1.23, 2.0 - 0.03 = 1.97
        assertTrajectory(new double[][] {{0.49, -1.23, 1.97}}, new double[][] {actual[0]}, 1e-15);
        assertTrajectory(byHand(0.1, 0, false, 0), actual, 1e-12);
    }

    @Test
    void momentumAndCoupledWeightDecayMatchHand() {
        var spec = Optimizers.sgd().learningRate(0.1).momentum(0.9).weightDecay(5e-4);
        assertTrajectory(byHand(0.1, 0.9, false, 5e-4), Steps.run(spec.build(), W0, GRADS), 1e-12);
        assertTrajectory(byHand(0.1, 0.9, true, 5e-4), Steps.run(spec.nesterov(true).build(), W0, GRADS), 1e-12);
    }

    @Test
    void matchesTorchOptimSgd() throws Exception {
        Map<String, double[][]> torch = new TorchOptim()
                .add("plain", "SGD", "lr=0.1", W0, GRADS)
                .add("momentum", "SGD", "lr=0.1,momentum=0.9,weight_decay=0.0005", W0, GRADS)
                .add("nesterov", "SGD", "lr=0.05,momentum=0.8,nesterov=True,weight_decay=0.01", W0, GRADS)
                .run();
        assertTrajectory(torch.get("plain"), Steps.run(Optimizers.sgd().learningRate(0.1).build(), W0, GRADS), 1e-10);
        assertTrajectory(torch.get("momentum"), Steps.run(
                Optimizers.sgd().learningRate(0.1).momentum(0.9).weightDecay(5e-4).build(), W0, GRADS), 1e-10);
        assertTrajectory(torch.get("nesterov"), Steps.run(
                Optimizers.sgd().learningRate(0.05).momentum(0.8).nesterov(true).weightDecay(0.01).build(),
                W0, GRADS), 1e-10);
    }
}

package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Stochastic gradient Langevin dynamics (Welling and Teh 2011) at temperature T, with optional
 * weight decay as an added gradient wd w:
 *
 * <pre>
 *   w = w - lr (g + wd w) + sqrt(2 lr T) xi,    xi ~ N(0, I)
 * </pre>
 *
 * <p>For small lr the iterates sample exp(-L(w) / T); with the loss a mean over n examples the
 * Bayesian posterior is T = 1 / n. The noise comes from libtorch's generator in the weight's
 * type, so {@code Grokkit.seed} makes runs reproducible; T = 0 draws nothing and is plain
 * gradient descent.
 */
public final class SgldOptimizer extends GrokOptimizer {

    private final double temperature;
    private final double weightDecay;

    SgldOptimizer(Schedule schedule, double temperature, double weightDecay) {
        super(schedule, List.of());
        this.temperature = temperature;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, int t, double lr) {
        NDArray d = weightDecay == 0 ? grad : grad.add(weight.mul(weightDecay));
        weight.subi(d.mul(lr));
        if (temperature > 0) {
            NDArray noise = weight.getManager().randomNormal(0, 1, weight.getShape(), weight.getDataType());
            weight.addi(noise.muli(Math.sqrt(2 * lr * temperature)));
        }
    }
}

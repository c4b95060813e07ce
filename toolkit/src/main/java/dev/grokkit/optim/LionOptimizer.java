package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2):
 *
 * <pre>
 *   w = w (1 - lr wd)
 *   c = b1 m + (1 - b1) g
 *   w = w - lr sign(c)
 *   m = b2 m + (1 - b2) g
 * </pre>
 *
 * <p>{@link TanhLionOptimizer} replaces sign(c) through {@link #direction}.
 */
public class LionOptimizer extends GrokOptimizer {

    private final Betas betas;
    private final double weightDecay;

    LionOptimizer(Schedule schedule, Betas betas, double weightDecay, List<String> slotKinds) {
        super(schedule, slotKinds);
        this.betas = betas;
        this.weightDecay = weightDecay;
    }

    LionOptimizer(Schedule schedule, Betas betas, double weightDecay) {
        this(schedule, betas, weightDecay, List.of("m"));
    }

    protected final Betas betas() {
        return betas;
    }

    @Override
    protected final void step(String parameterId, NDArray weight, NDArray grad, int t, double lr) {
        if (weightDecay != 0) {
            weight.muli(1 - lr * weightDecay);
        }
        NDArray m = slot(parameterId, "m", weight);
        NDArray c = m.mul(betas.beta1()).addi(grad.mul(1 - betas.beta1()));
        weight.subi(direction(parameterId, weight, grad, m, c).muli(lr));
        m.muli(betas.beta2()).addi(grad.mul(1 - betas.beta2()));
    }

    /**
     * The step direction from the interpolated momentum {@code c}; Lion's is sign(c). {@code m}
     * is the momentum before this step's update.
     */
    protected NDArray direction(String parameterId, NDArray weight, NDArray grad, NDArray m, NDArray c) {
        return c.sign();
    }
}

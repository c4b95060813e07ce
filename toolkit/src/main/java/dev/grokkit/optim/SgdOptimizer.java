package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Stochastic gradient descent with momentum as in PyTorch's {@code torch.optim.SGD} (dampening
 * 0), with coupled L2 weight decay:
 *
 * <pre>
 *   d = g + wd w
 *   b = mu b + d                  (b starts at 0, so b_1 = d_1; only if mu &gt; 0)
 *   d = b, or d + mu b with Nesterov
 *   w = w - lr d
 * </pre>
 */
public final class SgdOptimizer extends GrokOptimizer {

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    SgdOptimizer(Schedule schedule, double momentum, boolean nesterov, double weightDecay) {
        super(schedule, momentum > 0 ? List.of("momentum") : List.of());
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, int t, double lr) {
        NDArray d = weightDecay == 0 ? grad : grad.add(weight.mul(weightDecay));
        if (momentum > 0) {
            NDArray buffer = slot(parameterId, "momentum", weight).muli(momentum).addi(d);
            d = nesterov ? d.add(buffer.mul(momentum)) : buffer;
        }
        weight.subi(d.mul(lr));
    }
}

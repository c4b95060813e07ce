package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * Adam and AdamW exactly as PyTorch's {@code torch.optim.Adam} / {@code AdamW} (no amsgrad):
 *
 * <pre>
 *   Adam:  g = g + wd w              (coupled L2)
 *   AdamW: w = w (1 - lr wd)         (decoupled decay, before the Adam step)
 *   m = b1 m + (1 - b1) g
 *   v = b2 v + (1 - b2) g^2
 *   w = w - (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 *
 * <p>float32 weights take libtorch's fused kernel ({@link FusedAdamKernel}, one pass per tensor,
 * what {@code torch.optim.AdamW(fused=True)} runs; it applies float32 hyperparameters, as PyTorch
 * does to float32 tensors). float64 weights take the rule above as NDArray operations on double
 * hyperparameters, so float64 runs match {@code torch.optim} to round-off.
 */
public final class AdamOptimizer extends GrokOptimizer {

    private final Betas betas;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    AdamOptimizer(Schedule schedule, Betas betas, double epsilon, double weightDecay, boolean decoupled) {
        super(schedule, List.of("m", "v"));
        this.betas = betas;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, int t, double lr) {
        NDArray m = slot(parameterId, "m", weight);
        NDArray v = slot(parameterId, "v", weight);
        if (weight.getDataType() == DataType.FLOAT32) {
            FusedAdamKernel.update(weight, grad, m, v, t, lr, betas, epsilon, weightDecay, decoupled);
            return;
        }
        double b1 = betas.beta1();
        double b2 = betas.beta2();
        double correction1 = 1 - Math.pow(b1, t);
        double correction2 = 1 - Math.pow(b2, t);
        NDArray g = grad;
        if (weightDecay != 0) {
            if (decoupled) {
                weight.muli(1 - lr * weightDecay);
            } else {
                g = grad.add(weight.mul(weightDecay));
            }
        }
        m.muli(b1).addi(g.mul(1 - b1));
        v.muli(b2).addi(g.mul(g).muli(1 - b2));
        NDArray denominator = v.sqrt().divi(Math.sqrt(correction2)).addi(epsilon);
        weight.subi(m.div(denominator).muli(lr / correction1));
    }
}

package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Lion with sign(c) replaced by tanh(c / s): the posterior mean of the sign of the true gradient
 * under a Gaussian observation model. Per element:
 *
 * <pre>
 *   v = b2 v + (1 - b2) (g - m)^2          (m before its update; slot "noise", starts at 0)
 *   s = T rho sqrt(v),   rho^2 = (b1^2 (1 - b2) + (1 - b1)^2 (1 + b2)) / 2
 *   direction = tanh(c / max(s, tiny))      instead of Lion's sign(c)
 * </pre>
 *
 * <p>Why: model the gradients as g_t = mu + noise (variance sigma^2, independent over steps,
 * mu slowly varying). The momentum m (an average with rate b2 of past gradients) then has mean
 * mu and variance sigma^2 (1 - b2) / (1 + b2), independent of g_t, so
 * <ul>
 *   <li>c = b1 m + (1 - b1) g has mean mu and variance sigma_c^2 = sigma^2 (b1^2 (1 - b2) / (1 +
 *       b2) + (1 - b1)^2);
 *   <li>g - m has mean 0 and variance sigma^2 * 2 / (1 + b2), which v estimates, so
 *       sigma_c^2 = rho^2 v.
 * </ul>
 * If mu = +a or -a with equal prior probability and c ~ N(mu, sigma_c^2), then E[sign(mu) | c] =
 * tanh(a c / sigma_c^2). The temperature T is the assumed noise-to-signal ratio sigma_c / a, which
 * gives s = sigma_c^2 / a = T sigma_c. Consequences: the step is invariant to the scale of the
 * gradients (g -&gt; k g scales c and sqrt(v) alike); where noise dominates (|c| small next to
 * T sigma_c) the step shrinks smoothly instead of taking a full lr step in a coin-flip
 * direction; where the signal is clear it saturates to Lion's step; and T -&gt; 0 is exactly Lion
 * (the floor tiny = Float.MIN_NORMAL keeps c = 0 at 0 and T = 0 well defined). v starts at 0
 * and its first terms (g - 0)^2 hold signal as well as noise; at step 1, |c / s| = (1 - b1) /
 * (T rho sqrt(1 - b2)), about 8.5 / T with the default betas, so the first steps are close to
 * Lion's, and the noise estimate settles after about 1 / (1 - b2) steps.
 */
public final class TanhLionOptimizer extends LionOptimizer {

    private final double temperature;
    private final double rho;

    TanhLionOptimizer(Schedule schedule, Betas betas, double weightDecay, double temperature) {
        super(schedule, betas, weightDecay, List.of("m", "noise"));
        this.temperature = temperature;
        this.rho = noiseScaleFactor(betas);
    }

    /** rho = sigma_c / sqrt(E v) = sqrt((b1^2 (1 - b2) + (1 - b1)^2 (1 + b2)) / 2). */
    static double noiseScaleFactor(Betas betas) {
        double b1 = betas.beta1();
        double b2 = betas.beta2();
        return Math.sqrt((b1 * b1 * (1 - b2) + (1 - b1) * (1 - b1) * (1 + b2)) / 2);
    }

    @Override
    protected NDArray direction(String parameterId, NDArray weight, NDArray grad, NDArray m, NDArray c) {
        double b2 = betas().beta2();
        NDArray v = slot(parameterId, "noise", weight).muli(b2).addi(grad.sub(m).square().muli(1 - b2));
        NDArray s = v.sqrt().muli(temperature * rho).maximum(Float.MIN_NORMAL);
        return c.div(s).tanh();
    }
}

package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.hessian.TraceEstimate;
import dev.grokkit.model.GrokModel;
import java.util.SplittableRandom;

/**
 * The mean squared Frobenius norm of the Jacobian of a model's logits with respect to a layer's
 * values, (1/n) sum_i ||d f(x_i) / d x_i||_F^2 (the left side of Lemma 3.1 of the robustness
 * paper), without autograd (which would touch the parameters' gradients during training): for a
 * Gaussian direction u_i per example, E ||J_i u_i||^2 = ||J_i||_F^2, and J_i u_i is taken by a
 * central difference (f(x + h u) - f(x - h u)) / 2h, exact for a model linear in x and accurate to
 * O(h^2) elsewhere (ReLU kinks crossed within h add a small error). The estimate averages
 * {@code directions} such draws; its standard error is over the draws.
 */
final class InputJacobian {

    private InputJacobian() {}

    /** h relative to the root mean square of x's entries. */
    static final double RELATIVE_STEP = 1e-3;

    static TraceEstimate meanSquaredNorm(GrokModel model, String layer, NDArray x, int directions, long seed) {
        if (directions < 2) {
            throw new IllegalArgumentException("directions must be at least 2 (for a standard error), was " + directions);
        }
        long n = x.getShape().get(0);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[directions];
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray at = x.toType(DataType.FLOAT64, true); // a copy, in this scope
            at.attach(scope);
            double rms = Math.sqrt(at.square().mean().getDouble());
            double h = RELATIVE_STEP * (rms > 0 ? rms : 1);
            at = at.toType(x.getDataType(), false);
            for (int k = 0; k < directions; k++) {
                double[] u = new double[(int) x.size()];
                for (int j = 0; j < u.length; j++) {
                    u[j] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                }
                NDArray step = scope.create(u, x.getShape()).mul(h).toType(x.getDataType(), false);
                NDArray plus = TapForward.run(model, layer, at.add(step), "logits");
                NDArray minus = TapForward.run(model, layer, at.sub(step), "logits");
                NDArray ju = plus.toType(DataType.FLOAT64, false).sub(minus.toType(DataType.FLOAT64, false)).div(2 * h);
                draws[k] = ju.square().sum().getDouble() / n;
            }
        }
        double mean = java.util.Arrays.stream(draws).average().orElseThrow();
        double var = java.util.Arrays.stream(draws).map(d -> (d - mean) * (d - mean)).sum() / (directions - 1);
        return new TraceEstimate(mean, Math.sqrt(var / directions), directions);
    }
}

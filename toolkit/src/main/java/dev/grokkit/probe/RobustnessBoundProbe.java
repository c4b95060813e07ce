package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.analysis.RobustnessBound;
import dev.grokkit.hessian.Hutchinson;
import dev.grokkit.hessian.LossHessian;
import dev.grokkit.hessian.TraceEstimate;
import dev.grokkit.info.Features;
import dev.grokkit.model.NamedParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Theorem 3.2's guarantee along training ({@link RobustnessBound}), with a layer's activations as
 * the inputs x (for token models the embedding layer, which training moves): the sharpness S(W)
 * of the training loss on the probe's batch (Hutchinson's trace, with its standard error), the
 * squared global weight norm ||W||^2, min_i ||x_i||^2 over the training set, the distance from
 * each test point to its nearest training point (smallest and median), the radius eps(W) with
 * Lipschitz constant L (default 0, the largest radius) and the test accuracy it guarantees,
 * delta(eps) = the fraction of test points within eps of a training point; and Lemma 3.1's two
 * sides, the mean squared input gradient of the logits ({@link InputJacobian}) and
 * ||W||^2 S(W) / min_i ||x_i||^2. The theorem and the lemma speak of
 * an interpolating solution only: where train accuracy is below 1 the guarantee column is still
 * computed, and the reader must not take it as one. Column names: the accessors.
 */
public final class RobustnessBoundProbe extends HessianProbe<RobustnessBoundProbe> {

    private final String layer;
    private Hutchinson hutchinson = Hutchinson.withDefaults();
    private double lipschitz;
    private int directions = 10;

    RobustnessBoundProbe(String layer) {
        this.layer = Objects.requireNonNull(layer, "layer");
    }

    @Override
    protected RobustnessBoundProbe self() {
        return this;
    }

    public RobustnessBoundProbe hutchinson(Hutchinson settings) {
        this.hutchinson = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** The Lipschitz constant L of the theorem's radius (>= 0). */
    public RobustnessBoundProbe lipschitz(double l) {
        if (!(l >= 0) || Double.isInfinite(l)) {
            throw new IllegalArgumentException("L must be finite and >= 0, was " + l);
        }
        this.lipschitz = l;
        return this;
    }

    /** How many random directions estimate Lemma 3.1's input-gradient norm (default 10, at least 2). */
    public RobustnessBoundProbe directions(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("directions must be at least 2, was " + k);
        }
        this.directions = k;
        return this;
    }

    /** Lemma 3.1's left side, (1/n) sum_i ||d logits / d x_i||_F^2 over the training set ({@link InputJacobian}). */
    public String inputGradientSq() {
        return column("input_grad_sq");
    }

    public String inputGradientSqStdErr() {
        return column("input_grad_sq_se");
    }

    /** Lemma 3.1's right side, ||W||^2 S(W) / min_i ||x_i||^2. */
    public String lemmaBound() {
        return column("lemma_bound");
    }

    public String trace() {
        return column("hessian_trace");
    }

    public String traceStdErr() {
        return column("hessian_trace_se");
    }

    public String weightSqNorm() {
        return column("weight_sq_norm");
    }

    public String minInputSqNorm() {
        return column("min_input_sq_norm");
    }

    public String nearestMin() {
        return column("nn_distance_min");
    }

    public String nearestMedian() {
        return column("nn_distance_median");
    }

    public String radius() {
        return column("radius");
    }

    public String guaranteedAccuracy() {
        return column("guaranteed_acc");
    }

    private String column(String quantity) {
        return "bound:" + quantity + ":" + layer;
    }

    @Override
    public String name() {
        return "robustness_bound";
    }

    @Override
    public List<String> columns() {
        return List.of(trace(), traceStdErr(), weightSqNorm(), minInputSqNorm(), nearestMin(), nearestMedian(),
                radius(), guaranteedAccuracy(), inputGradientSq(), inputGradientSqStdErr(), lemmaBound());
    }

    @Override
    public Set<ProbeContext.Split> readsActivations() {
        return Set.of(ProbeContext.Split.TRAIN, ProbeContext.Split.TEST);
    }

    @Override
    public double[] measure(ProbeContext context) {
        TapForward.checkTap(context.model(), "layer", layer);
        TraceEstimate trace;
        try (LossHessian h = hessian(context)) {
            trace = hutchinson.estimate(h);
        }
        List<NDArray> weights = new ArrayList<>();
        for (NamedParameter p : context.model().trainableParameters()) {
            weights.add(p.array());
        }
        double w2 = Math.pow(Norms.l2(weights), 2);
        double[][] train = Features.rows(context.activations(ProbeContext.Split.TRAIN).get(layer));
        double[][] test = Features.rows(context.activations(ProbeContext.Split.TEST).get(layer));
        double minSq = RobustnessBound.minSquaredNorm(train);
        double[] nearest = RobustnessBound.nearestDistances(train, test);
        double eps = RobustnessBound.radius(train.length, w2, trace.value(), minSq, lipschitz);
        TraceEstimate gradients = InputJacobian.meanSquaredNorm(context.model(), layer,
                context.activations(ProbeContext.Split.TRAIN).get(layer), directions, context.step());
        return new double[] {trace.value(), trace.standardError(), w2, minSq, nearest[0],
            nearest[nearest.length / 2], eps, RobustnessBound.coveredFraction(nearest, eps), gradients.value(),
            gradients.standardError(), w2 * trace.value() / minSq};
    }
}

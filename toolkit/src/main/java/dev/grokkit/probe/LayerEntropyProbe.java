package dev.grokkit.probe;

import dev.grokkit.info.Features;
import dev.grokkit.info.MatrixEntropy;
import java.util.List;
import java.util.Set;

/**
 * Matrix entropies of one layer's representation of the training examples, alpha = 1 unless
 * chosen: "entropy:LAYER", H_alpha of the linear kernel of its row-l2-normalized features (how
 * spread the examples are over directions), and "cov_entropy:LAYER", H_alpha of its trace-
 * normalized feature covariance (how spread the variance is over feature directions).
 */
public final class LayerEntropyProbe implements Probe {

    private final String layer;
    private final double alpha;

    LayerEntropyProbe(String layer, double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha: the Renyi order must be positive and finite, was " + alpha);
        }
        this.layer = layer;
        this.alpha = alpha;
    }

    /** The same probe with Renyi order alpha. */
    public LayerEntropyProbe alpha(double order) {
        return new LayerEntropyProbe(layer, order);
    }

    @Override
    public String name() {
        return "layer_entropy";
    }

    @Override
    public List<String> columns() {
        return List.of("entropy:" + layer, "cov_entropy:" + layer);
    }

    @Override
    public Set<ProbeContext.Split> readsActivations() {
        return Set.of(ProbeContext.Split.TRAIN);
    }

    @Override
    public double[] measure(ProbeContext context) {
        TapForward.checkTap(context.model(), "layer", layer);
        double[][] z = Features.rows(context.activations(ProbeContext.Split.TRAIN).get(layer));
        return new double[] {MatrixEntropy.linearKernelEntropy(z, alpha), MatrixEntropy.covarianceEntropy(z, alpha)};
    }
}

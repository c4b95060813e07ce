package dev.grokkit.probe;

import dev.grokkit.info.Features;
import dev.grokkit.info.MatrixEntropy;
import java.util.List;
import java.util.Set;

/**
 * Matrix entropies of one layer's representation of the training examples, alpha = 1 unless
 * chosen: "entropy:LAYER", H_alpha of the linear kernel of its row-l2-normalized features (how
 * spread the examples are over directions), and "cov_entropy:LAYER", H_alpha of its trace-
 * normalized feature covariance (how spread the variance is over feature directions). For an order
 * other than 1 the columns end in ":ALPHA" ("entropy:LAYER:2.0"), so probes of several orders can
 * share a history.
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

    /** The linear-kernel entropy column. */
    public String entropy() {
        return column("entropy");
    }

    /** The covariance entropy column. */
    public String covarianceEntropy() {
        return column("cov_entropy");
    }

    private String column(String quantity) {
        return quantity + ":" + layer + (alpha == 1 ? "" : ":" + alpha);
    }

    @Override
    public List<String> columns() {
        return List.of(entropy(), covarianceEntropy());
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

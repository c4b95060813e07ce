package dev.grokkit.optim;

import java.util.List;

/**
 * Spec of {@link AdamOptimizer}, for Adam ({@code Optimizers.adam()}: coupled L2 weight decay,
 * default 0) and AdamW ({@code Optimizers.adamW()}: decoupled weight decay, default 0.01).
 * Other defaults as PyTorch: lr 0.001, betas (0.9, 0.999), eps 1e-8.
 */
public final class AdamSpec extends AbstractOptimizerSpec<AdamSpec> {

    private final boolean decoupled;
    private Betas betas = new Betas(0.9, 0.999);
    private double epsilon = 1e-8;

    AdamSpec(boolean decoupled) {
        super(1e-3, decoupled ? 0.01 : 0);
        this.decoupled = decoupled;
    }

    /** The moment averaging rates, each in [0, 1). */
    public AdamSpec betas(double beta1, double beta2) {
        this.betas = new Betas(beta1, beta2);
        return this;
    }

    /** eps &gt; 0, added to the bias-corrected sqrt(v). */
    public AdamSpec epsilon(double epsilon) {
        this.epsilon = requirePositive(epsilon, "epsilon");
        return this;
    }

    @Override
    public AdamOptimizer build() {
        return new AdamOptimizer(schedule(), betas, epsilon, weightDecay(), decoupled);
    }

    @Override
    protected AdamSpec self() {
        return this;
    }

    @Override
    protected String name() {
        return decoupled ? "AdamW" : "Adam";
    }

    @Override
    protected List<String> details() {
        return List.of(betas.toString(), "eps " + Format.number(epsilon));
    }
}

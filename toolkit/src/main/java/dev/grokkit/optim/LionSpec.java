package dev.grokkit.optim;

import java.util.List;

/**
 * Spec of {@link LionOptimizer}: {@code Optimizers.lion().learningRate(1e-4).weightDecay(1.0)}.
 * Defaults as the paper: lr 1e-4, betas (0.9, 0.99), weight decay 0.
 */
public final class LionSpec extends AbstractOptimizerSpec<LionSpec> {

    private Betas betas = new Betas(0.9, 0.99);

    LionSpec() {
        super(1e-4, 0);
    }

    /** b1 (interpolation for the step) and b2 (momentum averaging), each in [0, 1). */
    public LionSpec betas(double beta1, double beta2) {
        this.betas = new Betas(beta1, beta2);
        return this;
    }

    @Override
    public LionOptimizer build() {
        return new LionOptimizer(schedule(), betas, weightDecay());
    }

    @Override
    protected LionSpec self() {
        return this;
    }

    @Override
    protected String name() {
        return "Lion";
    }

    @Override
    protected List<String> details() {
        return List.of(betas.toString());
    }
}

package dev.grokkit.optim;

import java.util.List;

/**
 * Spec of {@link TanhLionOptimizer}: {@code Optimizers.tanhLion().learningRate(1e-4)
 * .temperature(1)}. Defaults: Lion's (lr 1e-4, betas (0.9, 0.99), weight decay 0) and
 * temperature 1 (signal and noise of the same size).
 */
public final class TanhLionSpec extends AbstractOptimizerSpec<TanhLionSpec> {

    private Betas betas = new Betas(0.9, 0.99);
    private double temperature = 1;

    TanhLionSpec() {
        super(1e-4, 0);
    }

    /** b1 (interpolation for the step) and b2 (momentum and noise averaging), each in [0, 1). */
    public TanhLionSpec betas(double beta1, double beta2) {
        this.betas = new Betas(beta1, beta2);
        return this;
    }

    /** The assumed noise-to-signal ratio T &gt;= 0 in s = T sigma_c; 0 is Lion. */
    public TanhLionSpec temperature(double temperature) {
        this.temperature = requireNonNegative(temperature, "temperature");
        return this;
    }

    @Override
    public TanhLionOptimizer build() {
        return new TanhLionOptimizer(schedule(), betas, weightDecay(), temperature);
    }

    @Override
    protected TanhLionSpec self() {
        return this;
    }

    @Override
    protected String name() {
        return "TanhLion";
    }

    @Override
    protected List<String> details() {
        return List.of(betas.toString(), "temperature " + Format.number(temperature));
    }
}

package dev.grokkit.optim;

import java.util.List;

/**
 * Spec of {@link SgldOptimizer}: {@code Optimizers.sgld().learningRate(1e-3).temperature(1e-4)}.
 * The temperature has no default (its right value depends on how the loss is normalized; see
 * {@link SgldOptimizer}); lr defaults to 0.001 and weight decay to 0.
 */
public final class SgldSpec extends AbstractOptimizerSpec<SgldSpec> {

    private double temperature = Double.NaN;

    SgldSpec() {
        super(1e-3, 0);
    }

    /** Temperature T &gt;= 0 of the injected noise sqrt(2 lr T) N(0, I); 0 is gradient descent. */
    public SgldSpec temperature(double temperature) {
        this.temperature = requireNonNegative(temperature, "temperature");
        return this;
    }

    @Override
    public SgldOptimizer build() {
        if (Double.isNaN(temperature)) {
            throw new IllegalStateException("SGLD needs a temperature: Optimizers.sgld().temperature(T)");
        }
        return new SgldOptimizer(schedule(), temperature, weightDecay());
    }

    @Override
    protected SgldSpec self() {
        return this;
    }

    @Override
    protected String name() {
        return "SGLD";
    }

    @Override
    protected List<String> details() {
        return List.of("temperature " + (Double.isNaN(temperature) ? "unset" : Format.number(temperature)));
    }
}

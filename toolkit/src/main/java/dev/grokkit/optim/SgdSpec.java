package dev.grokkit.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Spec of {@link SgdOptimizer}: {@code Optimizers.sgd().learningRate(0.1).momentum(0.9)
 * .weightDecay(5e-4)}. Defaults: lr 0.01, momentum 0, no Nesterov, weight decay 0.
 */
public final class SgdSpec extends AbstractOptimizerSpec<SgdSpec> {

    private double momentum;
    private boolean nesterov;

    SgdSpec() {
        super(0.01, 0);
    }

    /** Momentum mu in [0, 1); 0 is plain gradient descent. */
    public SgdSpec momentum(double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        }
        this.momentum = momentum;
        return this;
    }

    /** Nesterov momentum (needs momentum &gt; 0). */
    public SgdSpec nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    @Override
    public SgdOptimizer build() {
        if (nesterov && momentum == 0) {
            throw new IllegalStateException("Nesterov SGD needs momentum > 0; set momentum(..) or nesterov(false)");
        }
        return new SgdOptimizer(schedule(), momentum, nesterov, weightDecay());
    }

    @Override
    protected SgdSpec self() {
        return this;
    }

    @Override
    protected String name() {
        return "SGD";
    }

    @Override
    protected List<String> details() {
        List<String> details = new ArrayList<>();
        if (momentum > 0) {
            details.add((nesterov ? "Nesterov momentum " : "momentum ") + Format.number(momentum));
        }
        return details;
    }
}

package dev.grokkit.optim;

/**
 * Entry points for every optimizer spec, e.g.
 * {@code Optimizers.adamW().learningRate(1e-3).weightDecay(1.0).betas(0.9, 0.98)}.
 */
public final class Optimizers {

    private Optimizers() {}

    /** SGD with optional (Nesterov) momentum and L2 weight decay, as torch.optim.SGD. */
    public static SgdSpec sgd() {
        return new SgdSpec();
    }

    /** Adam with coupled L2 weight decay, as torch.optim.Adam. */
    public static AdamSpec adam() {
        return new AdamSpec(false);
    }

    /** Adam with decoupled weight decay, as torch.optim.AdamW. */
    public static AdamSpec adamW() {
        return new AdamSpec(true);
    }

    /** Lion (Chen et al. 2023). */
    public static LionSpec lion() {
        return new LionSpec();
    }

    /** Lion with sign replaced by a noise-aware tanh; see {@link TanhLionOptimizer}. */
    public static TanhLionSpec tanhLion() {
        return new TanhLionSpec();
    }

    /** Stochastic gradient Langevin dynamics; needs a temperature. */
    public static SgldSpec sgld() {
        return new SgldSpec();
    }
}

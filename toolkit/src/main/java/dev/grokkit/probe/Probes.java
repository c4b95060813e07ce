package dev.grokkit.probe;

import java.util.List;

/** Entry points for the basic probes; later packages add Hessian and information probes. */
public final class Probes {

    private Probes() {}

    /** Global L2 norm of all trainable parameters ("weight_norm"). */
    public static WeightNormProbe weightNorm() {
        return new WeightNormProbe(List.of());
    }

    /** Global L2 norm and the norm of each named layer ("weight_norm:LAYER"). */
    public static WeightNormProbe weightNorm(String... layers) {
        return new WeightNormProbe(List.of(layers));
    }

    /** Norm of the full-batch training-loss gradient ("grad_norm"). */
    public static GradientNormProbe gradientNorm() {
        return new GradientNormProbe();
    }

    /** Fraction of never-active units in each named hidden layer ("dead_relu:LAYER"). */
    public static DeadReluProbe deadRelu(String... layers) {
        return new DeadReluProbe(List.of(layers));
    }

    /** Logit norm, spread, margin and confidence on the training set. */
    public static LogitStatsProbe logitStats() {
        return new LogitStatsProbe();
    }
}

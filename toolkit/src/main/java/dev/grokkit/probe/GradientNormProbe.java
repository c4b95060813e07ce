package dev.grokkit.probe;

import java.util.List;

/** ||grad L(w)||_2 of the full-batch training loss over all trainable parameters. */
public final class GradientNormProbe implements Probe {

    @Override
    public String name() {
        return "grad_norm";
    }

    @Override
    public List<String> columns() {
        return List.of("grad_norm");
    }

    @Override
    public boolean readsGradient() {
        return true;
    }

    @Override
    public double[] measure(ProbeContext context) {
        return new double[] {Norms.l2(context.gradient().values())};
    }
}

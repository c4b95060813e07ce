package dev.grokkit.probe;

import dev.grokkit.hessian.Hutchinson;
import dev.grokkit.hessian.LossHessian;
import dev.grokkit.hessian.PowerIteration;
import dev.grokkit.hessian.TraceEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sharpness of the training loss: the top-k Hessian eigenvalues by power iteration
 * ("hessian_eigenvalue_1".., largest magnitude first) and the Hutchinson trace with its
 * standard error ("hessian_trace", "hessian_trace_se"), PyHessian's defaults unless set.
 */
public final class SharpnessProbe extends HessianProbe<SharpnessProbe> {

    private int topK = 1;
    private PowerIteration power = PowerIteration.withDefaults();
    private Hutchinson hutchinson = Hutchinson.withDefaults();

    SharpnessProbe() {}

    @Override
    protected SharpnessProbe self() {
        return this;
    }

    /** How many top eigenvalues. */
    public SharpnessProbe topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("topK must be positive, was " + k);
        }
        this.topK = k;
        return this;
    }

    public SharpnessProbe powerIteration(PowerIteration settings) {
        this.power = java.util.Objects.requireNonNull(settings, "settings");
        return this;
    }

    public SharpnessProbe hutchinson(Hutchinson settings) {
        this.hutchinson = java.util.Objects.requireNonNull(settings, "settings");
        return this;
    }

    @Override
    public String name() {
        return "sharpness";
    }

    @Override
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= topK; i++) {
            columns.add("hessian_eigenvalue_" + i);
        }
        columns.add("hessian_trace");
        columns.add("hessian_trace_se");
        return columns;
    }

    @Override
    public double[] measure(ProbeContext context) {
        double[] out = new double[topK + 2];
        java.util.Arrays.fill(out, Double.NaN); // a model with fewer than k parameters leaves the rest NaN
        try (LossHessian h = hessian(context)) {
            double[] top = power.top(h, Math.min(topK, h.dimension())).values();
            System.arraycopy(top, 0, out, 0, top.length);
            TraceEstimate trace = hutchinson.estimate(h);
            out[topK] = trace.value();
            out[topK + 1] = trace.standardError();
        }
        return out;
    }
}

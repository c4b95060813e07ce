package dev.grokkit.probe;

import java.util.List;
import java.util.Set;

/**
 * A measurement taken during a run at the history's logged steps: a name, the history columns it
 * fills, and {@link #measure}. A probe never trains: it reads the model, its parameters, its
 * activations and the data through the {@link ProbeContext}.
 */
public interface Probe {

    String name();

    /** The columns it adds, in the order {@link #measure} returns their values. */
    List<String> columns();

    /** One value per column; NaN for a value it cannot give at this step. */
    double[] measure(ProbeContext context);

    /**
     * Whether it runs at this logged step; expensive probes (Hessians) run at a few fractions of
     * training ({@link #needsRowAt}). At other logged steps its columns are missing.
     */
    default boolean runsAt(long step, long totalSteps) {
        return true;
    }

    /**
     * Whether the run must write a row at this step for this probe even where its log schedule does
     * not (a Hessian probe's fractions of training); the run adds these steps itself. None by default.
     */
    default boolean needsRowAt(long step, long totalSteps) {
        return false;
    }

    /**
     * Whether {@link #measure} reads the context's full-batch gradient. Declaring what it reads
     * only lets the context share forward passes ({@link ProbeContext#prepareFor}); values are
     * the same either way, to rounding where the model's forward pass takes a shortcut that
     * its activations pass does not.
     */
    default boolean readsGradient() {
        return false;
    }

    /** The splits whose activations {@link #measure} reads (see {@link #readsGradient}). */
    default Set<ProbeContext.Split> readsActivations() {
        return Set.of();
    }
}

package dev.grokkit.probe;

/**
 * Entry points for the Hessian probes. Each measures on a fixed batch of training examples at
 * chosen fractions of training, by default .at(0, 0.01, 0.25, 0.5, 0.75, 1.0); include its
 * {@code steps(total)} in the run's log schedule.
 */
public final class HessianProbes {

    private HessianProbes() {}

    /** Top Hessian eigenvalue(s) and Hutchinson trace with standard error. */
    public static SharpnessProbe sharpness() {
        return new SharpnessProbe();
    }

    /** Block traces, positivity, entropy gaps, entropy deviation and block heterogeneity. */
    public static BlockStatisticsProbe blockStatistics() {
        return new BlockStatisticsProbe();
    }
}

package dev.grokkit.hessian;

/**
 * A stochastic trace estimate: the sample mean, its standard error s / sqrt(m), and m, the
 * number of probe vectors (Hutchinson's samples or SLQ's runs; 0 for an exact trace).
 */
public record TraceEstimate(double value, double standardError, int samples) {

    @Override
    public String toString() {
        return value + " +- " + standardError + " (" + samples + " samples)";
    }
}

package dev.grokkit.hessian;

/** A stochastic trace estimate: the sample mean, its standard error s / sqrt(m), and m. */
public record TraceEstimate(double value, double standardError, int samples) {

    @Override
    public String toString() {
        return value + " +- " + standardError + " (" + samples + " samples)";
    }
}

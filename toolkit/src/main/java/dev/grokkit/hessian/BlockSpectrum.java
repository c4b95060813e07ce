package dev.grokkit.hessian;

/**
 * One diagonal block of a Hessian (one parameter tensor): its name, size and spectrum (exact or
 * SLQ), whether it passes the positivity test, and the derived trace, entropy and entropy gap.
 */
public record BlockSpectrum(String name, int size, Spectrum spectrum, boolean positive) {

    public double trace() {
        return spectrum.trace();
    }

    public double entropy() {
        return spectrum.entropy();
    }

    public double entropyGap() {
        return spectrum.entropyGap();
    }
}

package dev.grokkit.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stochastic Lanczos quadrature (SLQ; Ghorbani et al. 2019, PyHessian's density): several
 * Lanczos runs (full reorthogonalization) from independent Rademacher start vectors; each run's
 * Gauss quadrature rule estimates the spectral measure (1/n) sum_i delta(l_i), and the runs are
 * pooled with equal weight. Defaults: 100 Lanczos steps (PyHessian's) and 5 runs (ours:
 * PyHessian uses 1; several runs average out the start vector, and give the trace a standard
 * error: {@link Spectrum#traceEstimate}). The top eigenvalues are {@link Spectrum#top}. Immutable;
 * setters return copies.
 */
public final class StochasticLanczos {

    private final int steps;
    private final int runs;
    private final long seed;
    private final int window;

    private StochasticLanczos(int steps, int runs, long seed, int window) {
        this.steps = steps;
        this.runs = runs;
        this.seed = seed;
        this.window = window;
    }

    public static StochasticLanczos withDefaults() {
        return new StochasticLanczos(100, 5, 0, Integer.MAX_VALUE);
    }

    public StochasticLanczos steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be positive, was " + steps);
        }
        return new StochasticLanczos(steps, runs, seed, window);
    }

    public StochasticLanczos runs(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, was " + runs);
        }
        return new StochasticLanczos(steps, runs, seed, window);
    }

    public StochasticLanczos seed(long seed) {
        return new StochasticLanczos(steps, runs, seed, window);
    }

    /**
     * Bounded memory: reorthogonalize against the last {@code window} Lanczos vectors only (at
     * least 2; default: all). A run then holds at most (window + 1) n doubles of Lanczos vectors,
     * e.g. 3 n = 268 MB for ResNet18's n = 11.2 million parameters with window 2, instead of
     * (steps + 1) n = 9 GB at 100 steps with full reorthogonalization; the start vector (n doubles)
     * stays referenced during the run, and a {@link LossHessian} product copies its input to float32
     * (n floats) and needs its own native memory on top (the model's activations and their
     * gradients). Measured on a ResNet18-size Hessian with window 2: a 400 MB Java heap is too
     * small, 640 MB is enough ((window + 2) 8n + 4n bytes = 403 MB of live vectors).
     */
    public StochasticLanczos window(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("the reorthogonalization window must be at least 2, was " + window);
        }
        return new StochasticLanczos(steps, runs, seed, window);
    }

    /** The pooled quadrature rule of the runs ({@link Spectrum#pooled}), which keeps each run's Ritz values. */
    public Spectrum spectrum(SymmetricOperator a) {
        Random random = new Random(seed);
        List<Spectrum> rules = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            rules.add(Lanczos.quadrature(a, ProbeVectors.rademacher(a.dimension(), random), steps, window));
        }
        return Spectrum.pooled(rules);
    }

    /** The smoothed density of {@link #spectrum}. */
    public SpectralDensity density(SymmetricOperator a) {
        return SpectralDensity.of(spectrum(a));
    }
}

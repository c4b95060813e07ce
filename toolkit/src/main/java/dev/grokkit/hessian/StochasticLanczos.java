package dev.grokkit.hessian;

import java.util.Random;

/**
 * Stochastic Lanczos quadrature (SLQ; Ghorbani et al. 2019, PyHessian's density): several
 * Lanczos runs (full reorthogonalization) from independent Rademacher start vectors; each run's
 * Gauss quadrature rule estimates the spectral measure (1/n) sum_i delta(l_i), and the runs are
 * pooled with equal weight. Defaults: 100 Lanczos steps (PyHessian's) and 5 runs (ours:
 * PyHessian uses 1; several runs average out the start vector). Immutable; setters return copies.
 */
public final class StochasticLanczos {

    private final int steps;
    private final int runs;
    private final long seed;

    private StochasticLanczos(int steps, int runs, long seed) {
        this.steps = steps;
        this.runs = runs;
        this.seed = seed;
    }

    public static StochasticLanczos withDefaults() {
        return new StochasticLanczos(100, 5, 0);
    }

    public StochasticLanczos steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be positive, was " + steps);
        }
        return new StochasticLanczos(steps, runs, seed);
    }

    public StochasticLanczos runs(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive, was " + runs);
        }
        return new StochasticLanczos(steps, runs, seed);
    }

    public StochasticLanczos seed(long seed) {
        return new StochasticLanczos(steps, runs, seed);
    }

    /** The pooled quadrature rule: every run's nodes, each run's weights divided by the number of runs. */
    public Spectrum spectrum(SymmetricOperator a) {
        Random random = new Random(seed);
        int n = a.dimension();
        double[][] nodes = new double[runs][];
        double[][] weights = new double[runs][];
        int total = 0;
        for (int r = 0; r < runs; r++) {
            Spectrum run = Lanczos.quadrature(a, Vectors.rademacher(n, random), steps);
            nodes[r] = run.nodes();
            weights[r] = run.weights();
            total += nodes[r].length;
        }
        double[] pooledNodes = new double[total];
        double[] pooledWeights = new double[total];
        int at = 0;
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < nodes[r].length; k++) {
                pooledNodes[at] = nodes[r][k];
                pooledWeights[at++] = weights[r][k] / runs;
            }
        }
        return Spectrum.quadrature(pooledNodes, pooledWeights, n);
    }

    /** The smoothed density of {@link #spectrum}. */
    public SpectralDensity density(SymmetricOperator a) {
        return SpectralDensity.of(spectrum(a));
    }
}

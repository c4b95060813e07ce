package dev.grokkit.hessian;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistics of the diagonal blocks (parameter tensors) of a loss Hessian, as in the entropy-gap
 * paper's Tables 2-5 and Zhang et al. (2024, "Why Transformers need Adam"). A block's spectrum
 * is exact (dense eigen-decomposition) when it has at most {@code exactLimit} parameters
 * (default 2000), otherwise estimated by stochastic Lanczos quadrature. Positivity test: the
 * block is positive when lambda_min >= -1e-3 max |lambda| ({@link Spectrum#isPositive}); for SLQ
 * blocks lambda_min and max are extreme Ritz values, which converge first. Immutable; the
 * setters return copies.
 */
public final class BlockStatistics {

    private final int exactLimit;
    private final StochasticLanczos lanczos;
    private final double positiveTolerance;

    private BlockStatistics(int exactLimit, StochasticLanczos lanczos, double positiveTolerance) {
        this.exactLimit = exactLimit;
        this.lanczos = lanczos;
        this.positiveTolerance = positiveTolerance;
    }

    /** Exact up to 2000 parameters per block, SLQ defaults above, positivity tolerance 1e-3. */
    public static BlockStatistics withDefaults() {
        return new BlockStatistics(2000, StochasticLanczos.withDefaults(), 1e-3);
    }

    /** Blocks with at most this many parameters get an exact spectrum (at most DenseHessian's limit). */
    public BlockStatistics exactLimit(int exactLimit) {
        if (exactLimit < 0 || exactLimit > DenseHessian.MAX_DIMENSION) {
            throw new IllegalArgumentException("exactLimit must be in 0.." + DenseHessian.MAX_DIMENSION + ", was "
                    + exactLimit);
        }
        return new BlockStatistics(exactLimit, lanczos, positiveTolerance);
    }

    /** The SLQ settings used for blocks above the exact limit. */
    public BlockStatistics lanczos(StochasticLanczos lanczos) {
        return new BlockStatistics(exactLimit, java.util.Objects.requireNonNull(lanczos, "lanczos"),
                positiveTolerance);
    }

    /** lambda_min >= -tolerance max |lambda| counts as positive. */
    public BlockStatistics positiveTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("positive tolerance must be >= 0, was " + tolerance);
        }
        return new BlockStatistics(exactLimit, lanczos, tolerance);
    }

    /** The spectrum of one operator: exact up to the limit, SLQ above. */
    public Spectrum spectrum(SymmetricOperator operator) {
        return operator.dimension() <= exactLimit
                ? DenseHessian.of(operator).spectrum()
                : lanczos.spectrum(operator);
    }

    /**
     * Every block's spectrum and the statistics over blocks, plus the spectrum of the whole
     * Hessian (exact or SLQ by the same rule) for the model's entropy gap.
     */
    public BlockReport compute(LossHessian hessian) {
        List<BlockSpectrum> blocks = new ArrayList<>();
        for (String name : hessian.blockNames()) {
            LossHessian block = hessian.block(name);
            Spectrum s = spectrum(block);
            blocks.add(new BlockSpectrum(name, block.dimension(), s, s.isPositive(positiveTolerance)));
        }
        return new BlockReport(blocks, spectrum(hessian));
    }
}

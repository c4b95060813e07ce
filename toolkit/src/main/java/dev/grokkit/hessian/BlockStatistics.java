package dev.grokkit.hessian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of the diagonal blocks (parameter tensors) of a loss Hessian, as in the entropy-gap
 * paper's Tables 2-5 and Zhang et al. (2024, "Why Transformers need Adam"). A block's spectrum
 * is exact (dense eigen-decomposition) when it has at most {@code exactLimit} parameters
 * (default 2000), otherwise estimated by stochastic Lanczos quadrature. Positivity test: the
 * block is positive when lambda_min >= -1e-3 max |lambda| ({@link Spectrum#isPositive}); for SLQ
 * blocks lambda_min and max are extreme Ritz values, which converge first.
 *
 * <p>When the whole Hessian has at most {@code exactLimit} parameters it is built densely once
 * (n Hessian-vector products) and every block is a slice of it; otherwise each block is
 * computed on its own (exact or SLQ) and the whole by SLQ. Immutable; the setters return copies.
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
        Map<String, SymmetricOperator> blocks = new LinkedHashMap<>();
        for (String name : hessian.blockNames()) {
            blocks.put(name, hessian.block(name));
        }
        return compute(hessian, blocks);
    }

    /** The same for any operator and its diagonal blocks, in order and covering it. */
    BlockReport compute(SymmetricOperator whole, Map<String, ? extends SymmetricOperator> blocks) {
        int covered = blocks.values().stream().mapToInt(SymmetricOperator::dimension).sum();
        if (covered != whole.dimension()) {
            throw new IllegalArgumentException("the blocks cover " + covered + " of the operator's "
                    + whole.dimension() + " dimensions");
        }
        List<BlockSpectrum> spectra = new ArrayList<>();
        if (whole.dimension() <= exactLimit) {
            DenseHessian dense = DenseHessian.of(whole);
            int from = 0;
            for (var b : blocks.entrySet()) {
                int to = from + b.getValue().dimension();
                spectra.add(blockSpectrum(b.getKey(), to - from, dense.block(from, to).spectrum()));
                from = to;
            }
            return new BlockReport(spectra, dense.spectrum());
        }
        blocks.forEach((name, block) -> spectra.add(blockSpectrum(name, block.dimension(), spectrum(block))));
        return new BlockReport(spectra, lanczos.spectrum(whole));
    }

    private BlockSpectrum blockSpectrum(String name, int size, Spectrum s) {
        return new BlockSpectrum(name, size, s, s.isPositive(positiveTolerance));
    }
}

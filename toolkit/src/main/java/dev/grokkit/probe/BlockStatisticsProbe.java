package dev.grokkit.probe;

import dev.grokkit.hessian.BlockReport;
import dev.grokkit.hessian.BlockStatistics;
import dev.grokkit.hessian.LossHessian;
import java.util.List;

/**
 * The entropy-gap paper's Hessian block statistics over parameter tensors (see
 * {@link BlockStatistics} for the definitions and the positivity test): sum of |block traces|,
 * fraction of positive blocks, mean block entropy gap, the whole Hessian's entropy gap, standard
 * deviation and coefficient of variation of block entropies, the standard deviation of block
 * entropy gaps, the mean Jensen-Shannon
 * distance between block spectra, and the whole Hessian's largest eigenvalue (sharpness) and
 * trace (the sum of block traces). A model small enough for a dense Hessian (up to the exact
 * limit, default 2000 parameters) costs one dense Hessian per measurement, sliced into blocks.
 */
public final class BlockStatisticsProbe extends HessianProbe<BlockStatisticsProbe> {

    private BlockStatistics statistics = BlockStatistics.withDefaults();

    BlockStatisticsProbe() {}

    @Override
    protected BlockStatisticsProbe self() {
        return this;
    }

    /** Exact limit, SLQ and positivity settings. */
    public BlockStatisticsProbe using(BlockStatistics settings) {
        this.statistics = java.util.Objects.requireNonNull(settings, "settings");
        return this;
    }

    @Override
    public String name() {
        return "hessian_blocks";
    }

    @Override
    public List<String> columns() {
        return List.of("hessian_block_sum_abs_trace", "hessian_block_positive_fraction",
                "hessian_block_entropy_gap", "hessian_entropy_gap", "hessian_block_entropy_std",
                "hessian_block_entropy_cv", "hessian_block_js_distance", "hessian_top_eigenvalue",
                "hessian_block_trace", "hessian_block_entropy_gap_std");
    }

    @Override
    public double[] measure(ProbeContext context) {
        BlockReport r;
        try (LossHessian h = hessian(context)) {
            r = statistics.compute(h);
        }
        return new double[] {r.sumAbsoluteTraces(), r.positiveFraction(), r.meanEntropyGap(),
            r.modelEntropyGap(), r.entropyStd(), r.entropyCoefficientOfVariation(),
            r.meanJensenShannonDistance(), r.modelSpectrum().max(), r.trace(), r.entropyGapStd()};
    }
}

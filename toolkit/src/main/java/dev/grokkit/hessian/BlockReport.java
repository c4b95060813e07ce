package dev.grokkit.hessian;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The block spectra of one Hessian and the statistics over blocks. Entropies are H(p) of each
 * block's normalized absolute spectrum (see {@link Spectrum}); "std" is the population standard
 * deviation over blocks and the coefficient of variation is std / mean.
 */
public final class BlockReport {

    /** Grid points on which block densities are compared. */
    static final int DENSITY_POINTS = 1000;

    private final List<BlockSpectrum> blocks;
    private final Spectrum model;

    BlockReport(List<BlockSpectrum> blocks, Spectrum model) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a block report needs at least one block");
        }
        this.blocks = List.copyOf(blocks);
        this.model = model;
    }

    /** The spectrum of the whole Hessian. */
    public Spectrum modelSpectrum() {
        return model;
    }

    /** ln n - H(p) of the whole Hessian's spectrum. */
    public double modelEntropyGap() {
        return model.entropyGap();
    }

    public List<BlockSpectrum> blocks() {
        return blocks;
    }

    /** sum_b |tr H_b| (the paper's Table 3). */
    public double sumAbsoluteTraces() {
        return blocks.stream().mapToDouble(b -> Math.abs(b.trace())).sum();
    }

    /** sum_b tr H_b = tr H. */
    public double trace() {
        return blocks.stream().mapToDouble(BlockSpectrum::trace).sum();
    }

    /** Fraction of blocks passing the positivity test (Table 2). */
    public double positiveFraction() {
        return blocks.stream().filter(BlockSpectrum::positive).count() / (double) blocks.size();
    }

    /** Mean over blocks of ln n_b - H(p_b) (Table 4's quantity, per block). */
    public double meanEntropyGap() {
        return blocks.stream().mapToDouble(BlockSpectrum::entropyGap).average().orElseThrow();
    }

    public double meanEntropy() {
        return blocks.stream().mapToDouble(BlockSpectrum::entropy).average().orElseThrow();
    }

    /** Population standard deviation of block entropies (Table 5). */
    public double entropyStd() {
        double mean = meanEntropy();
        double s = blocks.stream().mapToDouble(b -> (b.entropy() - mean) * (b.entropy() - mean)).sum();
        return Math.sqrt(s / blocks.size());
    }

    /**
     * std / mean of block entropies: a coefficient of variation across blocks. Not the CV of the
     * paper's Theorem 3.7, which is of the eigenvalues within one spectrum (gap ~ CV^2 / 2, see
     * {@link dev.grokkit.info.UniformGap#halfSquaredCv}).
     */
    public double entropyCoefficientOfVariation() {
        return entropyStd() / meanEntropy();
    }

    /**
     * Population standard deviation over blocks of ln n_b - H(p_b). Unlike {@link #entropyStd},
     * which grows with the spread of ln n_b across block sizes, each gap is size-free (for
     * eigenvalues drawn i.i.d. it tends to CV^2 / 2 of their distribution, Theorem 3.7).
     */
    public double entropyGapStd() {
        double mean = meanEntropyGap();
        double s = blocks.stream().mapToDouble(b -> (b.entropyGap() - mean) * (b.entropyGap() - mean)).sum();
        return Math.sqrt(s / blocks.size());
    }

    /**
     * Block heterogeneity (Zhang et al. 2024): the mean over pairs of blocks of the
     * Jensen-Shannon distance sqrt(JS(P, Q)) (natural log; at most sqrt(ln 2)) between their
     * spectral densities, each smoothed with the same Gaussian kernel (1% of the pooled
     * eigenvalue range) on a common grid and normalized to a distribution on the grid. NaN with
     * a single block.
     */
    public double meanJensenShannonDistance() {
        double[][] d = jensenShannonDistances();
        double s = 0;
        int pairs = 0;
        for (int i = 0; i < d.length; i++) {
            for (int j = i + 1; j < d.length; j++) {
                s += d[i][j];
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : s / pairs;
    }

    /** The matrix of pairwise Jensen-Shannon distances between block densities. */
    public double[][] jensenShannonDistances() {
        double lo = blocks.stream().mapToDouble(b -> b.spectrum().min()).min().orElseThrow();
        double hi = blocks.stream().mapToDouble(b -> b.spectrum().max()).max().orElseThrow();
        double range = hi - lo;
        double sigma = SpectralDensity.DEFAULT_RELATIVE_WIDTH * (range > 0 ? range : Math.max(1e-12, Math.abs(hi)));
        double[][] p = new double[blocks.size()][];
        for (int b = 0; b < p.length; b++) {
            p[b] = SpectralDensity.of(blocks.get(b).spectrum(), sigma, lo - 5 * sigma, hi + 5 * sigma,
                    DENSITY_POINTS).density();
            double total = java.util.Arrays.stream(p[b]).sum();
            for (int g = 0; g < p[b].length; g++) {
                p[b][g] /= total;
            }
        }
        double[][] d = new double[p.length][p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = i + 1; j < p.length; j++) {
                d[i][j] = Math.sqrt(Math.max(0, jensenShannon(p[i], p[j])));
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    /**
     * JS(P, Q) = (KL(P || M) + KL(Q || M)) / 2 with M = (P + Q) / 2, natural log. Subnormal
     * probabilities count as 0 (their halves underflow, and 0 ln 0 = 0).
     */
    static double jensenShannon(double[] p, double[] q) {
        double s = 0;
        for (int g = 0; g < p.length; g++) {
            double pg = p[g] < Double.MIN_NORMAL ? 0 : p[g];
            double qg = q[g] < Double.MIN_NORMAL ? 0 : q[g];
            double m = 0.5 * (pg + qg);
            if (pg > 0) {
                s += 0.5 * pg * Math.log(pg / m);
            }
            if (qg > 0) {
                s += 0.5 * qg * Math.log(qg / m);
            }
        }
        return s;
    }

    /**
     * The statistics over blocks by name, in the order of the paper's tables: sum |block trace|,
     * positive fraction, mean block entropy gap, whole-Hessian entropy gap, block entropy std,
     * block entropy gap std, block entropy CV, mean Jensen-Shannon distance, largest eigenvalue.
     */
    public Map<String, Double> statistics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("sum |block trace|", sumAbsoluteTraces());
        m.put("positive fraction", positiveFraction());
        m.put("mean block entropy gap", meanEntropyGap());
        m.put("whole entropy gap", modelEntropyGap());
        m.put("block entropy std", entropyStd());
        m.put("block entropy gap std", entropyGapStd());
        m.put("block entropy CV", entropyCoefficientOfVariation());
        m.put("mean JS distance", meanJensenShannonDistance());
        m.put("top eigenvalue", model.max());
        return m;
    }

    /** One row per block: name, size, exact, trace, min and max eigenvalue, positive, entropy, entropy gap. */
    public Table table() {
        Table t = Table.create("Hessian blocks",
                StringColumn.create("block"), IntColumn.create("size"), BooleanColumn.create("exact"),
                DoubleColumn.create("trace"), DoubleColumn.create("lambda_min"), DoubleColumn.create("lambda_max"),
                BooleanColumn.create("positive"), DoubleColumn.create("entropy"),
                DoubleColumn.create("entropy_gap"));
        for (BlockSpectrum b : blocks) {
            t.stringColumn("block").append(b.name());
            t.intColumn("size").append(b.size());
            t.booleanColumn("exact").append(b.spectrum().isExact());
            t.doubleColumn("trace").append(b.trace());
            t.doubleColumn("lambda_min").append(b.spectrum().min());
            t.doubleColumn("lambda_max").append(b.spectrum().max());
            t.booleanColumn("positive").append(b.positive());
            t.doubleColumn("entropy").append(b.entropy());
            t.doubleColumn("entropy_gap").append(b.entropyGap());
        }
        return t;
    }

    @Override
    public String toString() {
        return blocks.size() + " blocks: model entropy gap " + modelEntropyGap() + ", sum |trace| " + sumAbsoluteTraces() + ", positive " + positiveFraction()
                + ", mean entropy gap " + meanEntropyGap() + ", entropy std " + entropyStd()
                + ", mean JS distance " + meanJensenShannonDistance();
    }
}

package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.analysis.SeedSpread;
import dev.grokkit.info.Features;
import dev.grokkit.info.KozachenkoLeonenko;
import dev.grokkit.info.Ksg;
import dev.grokkit.info.WhitenedPca;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The information plane (Shwartz-Ziv and Tishby; information-plane paper): for every chosen layer
 * T_l, on a fixed random subset of the training and of the test examples, I(X; T_l) and I(T_l; Y).
 * X and each T_l are first compressed to {@code dims} whitened PCA coordinates (fewer if the layer
 * is narrower); I(X; T) is then the KSG estimate (algorithm 1, k = 3) and I(T; Y) the
 * Kozachenko-Leonenko continuous/discrete estimate H(T) - sum_y p(y) H(T | Y = y). Columns
 * "ixt:LAYER:train", "ity:LAYER:train", "ixt:LAYER:test", "ity:LAYER:test"; NaN where a layer (or, for
 * I(T; Y), a layer within one class) has fewer directions of nonzero variance than it is
 * compressed to, e.g. ReLU units silent on a whole class. k-NN
 * estimates are biased, increasingly with dimension: compare curves, not absolute values.
 *
 * <p>With {@code repetitions(r)}, r >= 2, it estimates on r random subsets (seeds seed .. seed + r - 1)
 * and gives each column as the mean over them, followed by "COLUMN:sd", their sample standard
 * deviation (n - 1); NaN estimates are left out, and the sd is NaN with fewer than two left.
 * Defaults: dims 4, at most 1000 examples per split, subset seed 0, one repetition, every logged
 * step.
 */
public final class InformationPlaneProbe implements Probe {

    private final List<String> layers;
    private final int dims;
    private final int maxExamples;
    private final long seed;
    private final int repetitions;
    private final LongPredicate steps;
    private long nanos;

    InformationPlaneProbe(List<String> layers, int dims, int maxExamples, long seed) {
        this(layers, dims, maxExamples, seed, 1, step -> true);
    }

    private InformationPlaneProbe(List<String> layers, int dims, int maxExamples, long seed, int repetitions,
            LongPredicate steps) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: name at least one layer");
        }
        if (dims < 1) {
            throw new IllegalArgumentException("dims: must be at least 1, was " + dims);
        }
        ExampleSubset.checkMax(maxExamples);
        this.layers = List.copyOf(layers);
        this.dims = dims;
        this.maxExamples = maxExamples;
        this.seed = seed;
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions: must be at least 1, was " + repetitions);
        }
        this.repetitions = repetitions;
        this.steps = java.util.Objects.requireNonNull(steps, "steps");
    }

    /** The same probe compressing to d dimensions. */
    public InformationPlaneProbe dims(int d) {
        return new InformationPlaneProbe(layers, d, maxExamples, seed, repetitions, steps);
    }

    /** The same probe on at most n examples of each split. */
    public InformationPlaneProbe maxExamples(int n) {
        return new InformationPlaneProbe(layers, dims, n, seed, repetitions, steps);
    }

    /** The seed of the (first) random subset. */
    public InformationPlaneProbe seed(long subsetSeed) {
        return new InformationPlaneProbe(layers, dims, maxExamples, subsetSeed, repetitions, steps);
    }

    /** The same probe on r random subsets: mean columns and ":sd" columns (r >= 2; 1 is the plain probe). */
    public InformationPlaneProbe repetitions(int r) {
        return new InformationPlaneProbe(layers, dims, maxExamples, seed, r, steps);
    }

    /**
     * The same probe only at the logged steps this accepts (and the final step), e.g.
     * {@code logSchedule::includes}; the run's log schedule must include them.
     */
    public InformationPlaneProbe at(LongPredicate steps) {
        return new InformationPlaneProbe(layers, dims, maxExamples, seed, repetitions, steps);
    }

    /** Wall-clock seconds this probe has spent measuring. */
    public double seconds() {
        return nanos / 1e9;
    }

    @Override
    public boolean runsAt(long step, long totalSteps) {
        return step == totalSteps || steps.test(step);
    }

    @Override
    public String name() {
        return "information_plane";
    }

    @Override
    public List<String> columns() {
        if (repetitions == 1) {
            return estimateColumns();
        }
        List<String> columns = new ArrayList<>();
        for (String c : estimateColumns()) {
            columns.add(c);
            columns.add(c + ":sd");
        }
        return columns;
    }

    /** The I(X; T) column of {@code layer} on {@code split} ("train" or "test"), e.g. "ixt:hidden1:test". */
    public String ixt(String layer, String split) {
        return column("ixt", layer, split);
    }

    /** The I(T; Y) column of {@code layer} on {@code split} ("train" or "test"), e.g. "ity:logits:test". */
    public String ity(String layer, String split) {
        return column("ity", layer, split);
    }

    private String column(String quantity, String layer, String split) {
        if (!layers.contains(layer)) {
            throw new IllegalArgumentException("the information plane measures no layer '" + layer + "'; layers: " + layers);
        }
        if (!split.equals("train") && !split.equals("test")) {
            throw new IllegalArgumentException("split: 'train' or 'test', was '" + split + "'");
        }
        return quantity + ":" + layer + ":" + split;
    }

    private List<String> estimateColumns() {
        List<String> columns = new ArrayList<>();
        for (String split : new String[] {"train", "test"}) {
            for (String layer : layers) {
                columns.add(ixt(layer, split));
                columns.add(ity(layer, split));
            }
        }
        return columns;
    }

    @Override
    public Set<ProbeContext.Split> readsActivations() {
        return Set.of(ProbeContext.Split.values());
    }

    @Override
    public double[] measure(ProbeContext context) {
        long start = System.nanoTime();
        for (String layer : layers) {
            TapForward.checkTap(context.model(), "layers", layer);
        }
        double[][] estimates = new double[repetitions][];
        for (int r = 0; r < repetitions; r++) {
            estimates[r] = estimate(context, seed + r);
        }
        nanos += System.nanoTime() - start;
        return repetitions == 1 ? estimates[0] : meansAndDeviations(estimates);
    }

    /**
     * For each column j of the rows: the mean over rows and the sample standard deviation (n - 1),
     * NaN entries left out; laid out mean_0, sd_0, mean_1, sd_1, ...
     */
    static double[] meansAndDeviations(double[][] rows) {
        int m = rows[0].length;
        double[] out = new double[2 * m];
        for (int j = 0; j < m; j++) {
            final int column = j;
            double[] meanAndSd = SeedSpread.meanAndSd(Arrays.stream(rows).mapToDouble(row -> row[column]).toArray());
            out[2 * j] = meanAndSd[0];
            out[2 * j + 1] = meanAndSd[1];
        }
        return out;
    }

    /** One estimate of every column on the subsets chosen by {@code subsetSeed}. */
    private double[] estimate(ProbeContext context, long subsetSeed) {
        double[] values = new double[4 * layers.size()];
        int column = 0;
        for (ProbeContext.Split split : ProbeContext.Split.values()) {
            NDArray inputs = context.inputs(split);
            if (!inputs.getDataType().isFloating()) {
                throw new IllegalArgumentException("the information plane needs real-valued inputs X, not "
                        + inputs.getDataType() + " tokens");
            }
            Map<String, NDArray> taps = context.activations(split);
            long[] subset = ExampleSubset.indices(inputs.getShape().get(0), maxExamples, subsetSeed);
            double[][] x = compress(Features.rows(ExampleSubset.rows(inputs, subset)));
            long[] labels = ExampleSubset.rows(context.labels(split), subset).toLongArray();
            int[] y = new int[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (int) labels[i];
            }
            for (String layer : layers) {
                double[][] t = compress(Features.rows(ExampleSubset.rows(taps.get(layer), subset)));
                values[column++] = x == null || t == null ? Double.NaN : Ksg.algorithm1().mutualInformation(x, t);
                values[column++] = t == null ? Double.NaN : labelInformation(t, y);
            }
        }
        return values;
    }

    /** I(T; Y), or NaN when T within some class has too few directions of variance (H(T | y) = -infinity). */
    private static double labelInformation(double[][] t, int[] y) {
        try {
            return KozachenkoLeonenko.estimator().mutualInformation(t, y);
        } catch (IllegalArgumentException degenerate) {
            return Double.NaN;
        }
    }

    /** Whitened PCA to min(dims, width) coordinates; null when the features have too few directions. */
    private double[][] compress(double[][] z) {
        int d = Math.min(dims, z[0].length);
        try {
            return WhitenedPca.compress(z, d);
        } catch (IllegalArgumentException degenerate) {
            return null;
        }
    }
}

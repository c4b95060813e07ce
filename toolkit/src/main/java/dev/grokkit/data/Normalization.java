package dev.grokkit.data;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * Standardization x -> (x - mean) / std with statistics fitted on one set of examples (the
 * training set) and applied unchanged to others (the test set), so no test information leaks
 * into the inputs.
 *
 * <p>mean and std are the population statistics mean = (1/N) sum x, std = sqrt((1/N) sum (x -
 * mean)^2), over all values ({@link Scope#GLOBAL}) or per channel ({@link Scope#PER_CHANNEL}).
 * A channel is an index of the first axis of the example shape: the colour plane of a (C, H, W)
 * image, or the feature of a flat (d) vector. A constant channel (std 0) is only centred.
 */
public final class Normalization {

    /** Which values share one mean and std. */
    public enum Scope {
        GLOBAL,
        PER_CHANNEL
    }

    private final Scope scope;
    private final Shape exampleShape;
    private final double[] means;
    private final double[] stds;

    private Normalization(Scope scope, Shape exampleShape, double[] means, double[] stds) {
        this.scope = scope;
        this.exampleShape = exampleShape;
        this.means = means;
        this.stds = stds;
    }

    /** Statistics of {@code examples} (real-valued, at least one). */
    public static Normalization fit(Examples examples, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        float[] x = examples.features();
        if (examples.size() == 0) {
            throw new IllegalArgumentException("cannot fit a normalization on zero examples");
        }
        int channels = channels(examples.exampleShape(), scope);
        int perChannel = (int) (examples.exampleShape().size() / channels);
        double[] sums = new double[channels];
        for (int i = 0; i < x.length; i++) {
            sums[channel(i, channels, perChannel)] += x[i];
        }
        double count = (double) examples.size() * perChannel;
        double[] means = new double[channels];
        for (int c = 0; c < channels; c++) {
            means[c] = sums[c] / count;
        }
        double[] squares = new double[channels];
        for (int i = 0; i < x.length; i++) {
            int c = channel(i, channels, perChannel);
            double d = x[i] - means[c];
            squares[c] += d * d;
        }
        double[] stds = new double[channels];
        for (int c = 0; c < channels; c++) {
            stds[c] = Math.sqrt(squares[c] / count);
        }
        return new Normalization(scope, examples.exampleShape(), means, stds);
    }

    public Scope scope() {
        return scope;
    }

    /** One mean per channel (one in all for {@link Scope#GLOBAL}). */
    public double[] means() {
        return means.clone();
    }

    /** One population std per channel (one in all for {@link Scope#GLOBAL}). */
    public double[] stds() {
        return stds.clone();
    }

    /** The examples standardized with the fitted statistics. */
    public Examples apply(Examples examples) {
        if (scope == Scope.PER_CHANNEL && !examples.exampleShape().equals(exampleShape)) {
            throw new IllegalArgumentException(
                    "this per-channel normalization was fitted on examples of shape " + exampleShape
                            + ", not " + examples.exampleShape());
        }
        float[] x = examples.features();
        int channels = means.length;
        int perChannel = (int) (examples.exampleShape().size() / channels);
        for (int i = 0; i < x.length; i++) {
            int c = channel(i, channels, perChannel);
            double scale = stds[c] > 0 ? stds[c] : 1;
            x[i] = (float) ((x[i] - means[c]) / scale);
        }
        return examples.withFeatures(x);
    }

    private static int channels(Shape exampleShape, Scope scope) {
        return scope == Scope.GLOBAL ? 1 : (int) exampleShape.get(0);
    }

    /** The channel of flat value index i: examples are row-major with channels on the first axis. */
    private static int channel(int i, int channels, int perChannel) {
        return (i / perChannel) % channels;
    }

    @Override
    public String toString() {
        return scope == Scope.GLOBAL
                ? String.format("Normalization(global: mean %.4g, std %.4g)", means[0], stds[0])
                : "Normalization(" + means.length + " channels)";
    }
}

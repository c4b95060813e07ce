package dev.grokkit.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.NamedParameter;
import java.util.Arrays;

/**
 * The Fourier spectrum of an embedding over the residues: for an embedding matrix E (p rows, one
 * per residue x; d columns) the power at frequency k = 1..floor(p/2) is
 *
 * <pre>
 *   P(k) = sum_j |sum_x E[x, j] e^(-2 pi i k x / p)|^2        (k and p - k together)
 * </pre>
 *
 * shared out as a fraction of the power of all k &gt;= 1 (the mean over residues, k = 0, is left out).
 * Residues on a circle, E[x] = (cos 2 pi k x / p, sin 2 pi k x / p), put all their power at k; a
 * random embedding spreads it over all frequencies, about 1 / floor(p/2) each.
 */
public final class EmbeddingSpectrum {

    private final double[] share;

    private EmbeddingSpectrum(double[] share) {
        this.share = share;
    }

    /** The spectrum of E, rows the residues 0..p-1. */
    public static EmbeddingSpectrum of(double[][] embedding) {
        int p = embedding.length;
        if (p < 3) {
            throw new IllegalArgumentException("an embedding spectrum needs at least 3 residues, got " + p);
        }
        double[] power = new double[p / 2 + 1];
        for (int k = 1; k <= p / 2; k++) {
            for (int j = 0; j < embedding[0].length; j++) {
                double re = 0;
                double im = 0;
                for (int x = 0; x < p; x++) {
                    re += embedding[x][j] * Math.cos(2 * Math.PI * k * x / p);
                    im -= embedding[x][j] * Math.sin(2 * Math.PI * k * x / p);
                }
                power[k] += (2 * k == p ? 1 : 2) * (re * re + im * im);
            }
        }
        double total = Arrays.stream(power).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("the embedding is constant over the residues: no spectrum");
        }
        return new EmbeddingSpectrum(Arrays.stream(power).map(v -> v / total).toArray());
    }

    /** The spectrum of a model's token embedding (its first 2-D parameter whose name starts with "embedding"). */
    public static EmbeddingSpectrum of(GrokModel model) {
        NamedParameter e = model.parameters().stream()
                .filter(q -> q.name().startsWith("embedding") && q.shape().dimension() == 2).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model has no 2-D embedding parameter; parameters: "
                        + model.parameters().stream().map(NamedParameter::name).toList()));
        int rows = (int) e.shape().get(0);
        int cols = (int) e.shape().get(1);
        double[] flat;
        try (NDArray values = e.array().toType(DataType.FLOAT64, true)) {
            flat = values.toDoubleArray();
        }
        double[][] matrix = new double[rows][];
        for (int x = 0; x < rows; x++) {
            matrix[x] = Arrays.copyOfRange(flat, x * cols, (x + 1) * cols);
        }
        return of(matrix);
    }

    /** The share of the power at frequency k, 1 &lt;= k &lt;= p/2. */
    public double share(int k) {
        if (k < 1 || k >= share.length) {
            throw new IllegalArgumentException("frequency must be in 1.." + (share.length - 1) + ", was " + k);
        }
        return share[k];
    }

    /** The frequencies 1..p/2 in order of falling power. */
    public int[] byPower() {
        return java.util.stream.IntStream.range(1, share.length).boxed()
                .sorted((a, b) -> Double.compare(share[b], share[a])).mapToInt(Integer::intValue).toArray();
    }

    /** The share of the power in the {@code m} strongest frequencies. */
    public double topShare(int m) {
        int[] order = byPower();
        double sum = 0;
        for (int i = 0; i < Math.min(m, order.length); i++) {
            sum += share[order[i]];
        }
        return sum;
    }
}

package dev.grokkit.info;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kozachenko-Leonenko k-nearest-neighbour estimator of differential entropy in nats, with the
 * max-norm (whose ball of radius r has volume (2r)^d):
 *
 * <pre>
 *   H(X) = psi(N) - psi(k) + d ln 2 + (d / N) sum_i ln eps_i,   eps_i = distance to i's k-th neighbour
 * </pre>
 *
 * With whitening (the default) the data are first mapped to W x with identity covariance
 * ({@link WhitenedPca} keeping all d dimensions) and H(X) = H(W X) + (1/2) ln det Cov(X); this
 * makes the neighbourhoods isotropic and the estimate invariant to linear rescaling. Immutable;
 * k defaults to 3.
 */
public final class KozachenkoLeonenko {

    private final int k;
    private final boolean whiten;

    private KozachenkoLeonenko(int k, boolean whiten) {
        this.k = k;
        this.whiten = whiten;
    }

    /** k = 3, whitening on. */
    public static KozachenkoLeonenko estimator() {
        return new KozachenkoLeonenko(3, true);
    }

    public KozachenkoLeonenko k(int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("k: must be at least 1, was " + neighbours);
        }
        return new KozachenkoLeonenko(neighbours, whiten);
    }

    public KozachenkoLeonenko whitening(boolean on) {
        return new KozachenkoLeonenko(k, on);
    }

    /** Differential entropy of the rows of x (n, d), in nats. */
    public double entropy(double[][] x) {
        int d = Features.checkRows("x", x);
        int n = x.length;
        if (n <= k || (whiten && n <= d)) {
            throw new IllegalArgumentException("x: " + n + " samples are too few for k = " + k + " in " + d
                    + " dimensions");
        }
        double logVolume = 0;
        double[][] z = x;
        if (whiten) {
            WhitenedPca pca = WhitenedPca.fit(x, d);
            z = pca.transform(x);
            logVolume = pca.logVolume() / 2;
        }
        MaxNormKdTree tree = new MaxNormKdTree(z);
        double[] best = new double[k];
        double sumLog = 0;
        for (int i = 0; i < n; i++) {
            tree.nearest(z[i], i, best, null);
            if (!(best[k - 1] > 0)) {
                throw new IllegalArgumentException("x: row " + i + " has " + k
                        + " or more exact duplicates; the entropy of discrete data is not a density's");
            }
            sumLog += Math.log(best[k - 1]);
        }
        return Digamma.of(n) - Digamma.of(k) + d * Math.log(2) + d * sumLog / n + logVolume;
    }

    /**
     * I(T; Y) for continuous T (n, d) and discrete labels Y: H(T) - sum_y p(y) H(T | Y = y), each
     * entropy estimated by this estimator on its own samples.
     */
    public double mutualInformation(double[][] t, int[] labels) {
        Features.checkRows("t", t);
        if (labels.length != t.length) {
            throw new IllegalArgumentException("labels: must have one per row of t (" + t.length + "), has "
                    + labels.length);
        }
        Map<Integer, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
        }
        double conditional = 0;
        for (Map.Entry<Integer, List<Integer>> e : byLabel.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            conditional += (double) idx.length / t.length * entropy(Features.select(t, idx));
        }
        return entropy(t) - conditional;
    }
}

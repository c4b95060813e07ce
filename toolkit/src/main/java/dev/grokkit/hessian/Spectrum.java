package dev.grokkit.hessian;

import java.util.Arrays;
import java.util.List;

/**
 * The eigenvalues l_1..l_n of a symmetric matrix, held either exactly (n nodes of weight 1/n) or
 * as a quadrature rule (nodes theta_k with weights w_k summing to 1 that stand for the n
 * eigenvalues, as stochastic Lanczos quadrature gives): sum_i f(l_i) = n sum_k w_k f(theta_k).
 *
 * <p>Entropy: p_i = |l_i| / sum_j |l_j| and H(p) = -sum_i p_i ln p_i, computed as
 * H = ln S - T / S with S = sum |l_i| and T = sum |l_i| ln |l_i| (0 ln 0 = 0). The entropy gap is
 * ln n - H(p): 0 for a flat spectrum, ln n for rank one.
 *
 * <p>A quadrature spectrum pooled from several Lanczos runs ({@link #pooled}) keeps its runs:
 * {@link #top} reads the Ritz values of each run, {@link #traceEstimate} their spread.
 */
public final class Spectrum {

    private final double[] nodes;
    private final double[] weights;
    private final long dimension;
    private final boolean exact;
    /** The Lanczos rules pooled into this one; empty when this is an exact spectrum or a single rule. */
    private final List<Spectrum> runs;

    private Spectrum(double[] nodes, double[] weights, long dimension, boolean exact, List<Spectrum> runs) {
        this.nodes = nodes;
        this.weights = weights;
        this.dimension = dimension;
        this.exact = exact;
        this.runs = runs;
    }

    /** All n eigenvalues (any order; kept sorted ascending). */
    public static Spectrum exact(double[] eigenvalues) {
        if (eigenvalues.length == 0) {
            throw new IllegalArgumentException("eigenvalues must not be empty");
        }
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        double[] w = new double[sorted.length];
        Arrays.fill(w, 1.0 / sorted.length);
        return new Spectrum(sorted, w, sorted.length, true, List.of());
    }

    /**
     * One quadrature rule (as one Lanczos run gives: the nodes are its Ritz values) with
     * nonnegative weights summing to 1, for a matrix of size dimension.
     */
    public static Spectrum quadrature(double[] nodes, double[] weights, long dimension) {
        if (nodes.length == 0 || nodes.length != weights.length) {
            throw new IllegalArgumentException("nodes and weights must be nonempty and of equal length, were "
                    + nodes.length + " and " + weights.length);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, was " + dimension);
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must be nonnegative, found " + w);
            }
            total += w;
        }
        if (Math.abs(total - 1) > 1e-8) {
            throw new IllegalArgumentException("weights must sum to 1, summed to " + total);
        }
        return new Spectrum(nodes.clone(), weights.clone(), dimension, false, List.of());
    }

    /**
     * Several single rules of the same matrix (independent Lanczos runs) pooled with equal weight:
     * every run's nodes, each run's weights divided by the number of runs. The runs are kept.
     */
    public static Spectrum pooled(List<Spectrum> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        long dimension = runs.get(0).dimension;
        int total = 0;
        for (Spectrum run : runs) {
            if (run.exact || !run.runs.isEmpty() || run.dimension != dimension) {
                throw new IllegalArgumentException("runs must be single quadrature rules of one " + dimension + "x"
                        + dimension + " matrix, found " + run);
            }
            total += run.nodes.length;
        }
        double[] pooledNodes = new double[total];
        double[] pooledWeights = new double[total];
        int at = 0;
        for (Spectrum run : runs) {
            for (int k = 0; k < run.nodes.length; k++) {
                pooledNodes[at] = run.nodes[k];
                pooledWeights[at++] = run.weights[k] / runs.size();
            }
        }
        return new Spectrum(pooledNodes, pooledWeights, dimension, false, List.copyOf(runs));
    }

    /** Whether the nodes are the exact eigenvalues. */
    public boolean isExact() {
        return exact;
    }

    /** n, the size of the matrix. */
    public long dimension() {
        return dimension;
    }

    /** The nodes: the eigenvalues ascending if exact, else the quadrature nodes. */
    public double[] nodes() {
        return nodes.clone();
    }

    public double[] weights() {
        return weights.clone();
    }

    /** sum_i f(l_i) = n sum_k w_k f(theta_k). */
    private double sum(java.util.function.DoubleUnaryOperator f) {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * f.applyAsDouble(nodes[k]);
        }
        return dimension * s;
    }

    /** tr A = sum_i l_i. */
    public double trace() {
        return sum(l -> l);
    }

    /**
     * tr A with its standard error over the pooled runs. A run's rule from a Rademacher start
     * vector v (||v||^2 = n) gives n sum_k w_k theta_k = v^T A v exactly, one Hutchinson sample, so
     * the error is the sample standard deviation of the runs' traces over sqrt(runs) (NaN for a
     * single rule). An exact spectrum's trace has error 0 and 0 samples.
     */
    public TraceEstimate traceEstimate() {
        if (exact) {
            return new TraceEstimate(trace(), 0, 0);
        }
        List<Spectrum> rules = rules();
        int m = rules.size();
        double mean = rules.stream().mapToDouble(Spectrum::trace).average().orElseThrow();
        double squares = rules.stream().mapToDouble(r -> (r.trace() - mean) * (r.trace() - mean)).sum();
        double standardError = m > 1 ? Math.sqrt(squares / (m - 1) / m) : Double.NaN;
        return new TraceEstimate(mean, standardError, m);
    }

    /** sum_i |l_i|. */
    public double absoluteSum() {
        return sum(Math::abs);
    }

    /** (1/n) tr A^k = (1/n) sum_i l_i^k. */
    public double moment(int k) {
        return sum(l -> Math.pow(l, k)) / dimension;
    }

    public double min() {
        return Arrays.stream(nodes).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(nodes).max().orElseThrow();
    }

    /**
     * The k largest eigenvalues, descending. Exact: l_1..l_k. Quadrature: for each i the largest
     * i-th Ritz value over the runs, a lower bound on l_i (T = Q^T A Q, so its i-th largest
     * eigenvalue is at most l_i: Cauchy interlacing); the outer Ritz values converge first, so with
     * enough Lanczos steps these are l_1..l_k. Fewer than k when no run has k Ritz values.
     */
    public double[] top(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        int length = 0;
        for (Spectrum rule : rules()) {
            length = Math.max(length, Math.min(k, rule.nodes.length));
        }
        double[] out = new double[length];
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (Spectrum rule : rules()) {
            double[] ritz = rule.nodes.clone();
            Arrays.sort(ritz);
            for (int i = 0; i < Math.min(length, ritz.length); i++) {
                out[i] = Math.max(out[i], ritz[ritz.length - 1 - i]);
            }
        }
        return out;
    }

    /** The rules this spectrum pools, or itself. */
    private List<Spectrum> rules() {
        return runs.isEmpty() ? List.of(this) : runs;
    }

    /** H(p), p_i = |l_i| / sum |l_j|; NaN for the zero matrix. */
    public double entropy() {
        double s = absoluteSum();
        if (!(s > 0)) {
            return Double.NaN;
        }
        double t = sum(l -> l == 0 ? 0 : Math.abs(l) * Math.log(Math.abs(l)));
        return Math.log(s) - t / s;
    }

    /** ln n - H(p). */
    public double entropyGap() {
        return Math.log(dimension) - entropy();
    }

    /**
     * The positivity test used for block statistics: lambda_min >= -relativeTolerance * max |lambda|
     * (positive semi-definite up to round-off and estimation error relative to the largest
     * eigenvalue; the zero matrix counts as positive).
     */
    public boolean isPositive(double relativeTolerance) {
        double largest = Math.max(Math.abs(min()), Math.abs(max()));
        return min() >= -relativeTolerance * largest;
    }

    @Override
    public String toString() {
        return (exact ? "exact" : "quadrature") + " spectrum of a " + dimension + "x" + dimension
                + " matrix: range [" + min() + ", " + max() + "], trace " + trace() + ", entropy gap "
                + entropyGap();
    }
}

package dev.grokkit.info;

/**
 * The Kraskov-Stoegbauer-Grassberger k-nearest-neighbour estimator of I(X; Y) in nats (Kraskov et
 * al. 2004), with the max-norm in the joint space Z = (X, Y) and in each marginal. For each point
 * i, its k-th nearest neighbour in Z (exact search in a k-d tree) gives
 *
 * <pre>
 *   algorithm 1: eps(i) = joint distance to it; n_x(i) = #{j != i : ||x_j - x_i|| < eps(i)} (strict)
 *                I = psi(k) + psi(N) - &lt;psi(n_x + 1) + psi(n_y + 1)&gt;
 *   algorithm 2: eps_x(i), eps_y(i) = largest marginal distance among the k neighbours;
 *                n_x(i) = #{j != i : ||x_j - x_i|| <= eps_x(i)}
 *                I = psi(k) - 1/k + psi(N) - &lt;psi(n_x) + psi(n_y)&gt;
 * </pre>
 *
 * Immutable; {@code k} defaults to 3.
 */
public final class Ksg {

    private final boolean second;
    private final int k;

    private Ksg(boolean second, int k) {
        this.second = second;
        this.k = k;
    }

    /** Algorithm 1 (strict counts in the marginals within the joint k-NN distance), k = 3. */
    public static Ksg algorithm1() {
        return new Ksg(false, 3);
    }

    /** Algorithm 2 (counts within each marginal's own k-NN extent), k = 3. */
    public static Ksg algorithm2() {
        return new Ksg(true, 3);
    }

    /** The same algorithm with k neighbours. */
    public Ksg k(int neighbours) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("k: must be at least 1, was " + neighbours);
        }
        return new Ksg(second, neighbours);
    }

    public int k() {
        return k;
    }

    /** I(X; Y) from paired samples x (n, dx) and y (n, dy), in nats. */
    public double mutualInformation(double[][] x, double[][] y) {
        int[][] counts = neighbourCounts(x, y);
        int n = x.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += second ? Digamma.of(counts[0][i]) + Digamma.of(counts[1][i])
                    : Digamma.of(counts[0][i] + 1) + Digamma.of(counts[1][i] + 1);
        }
        return Digamma.of(k) - (second ? 1.0 / k : 0) + Digamma.of(n) - sum / n;
    }

    /** n_x(i) and n_y(i) as the algorithm defines them (rows 0 and 1). */
    int[][] neighbourCounts(double[][] x, double[][] y) {
        int dx = Features.checkRows("x", x);
        int dy = Features.checkRows("y", y);
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("y: must have as many rows as x (" + n + "), has " + y.length);
        }
        if (n <= k) {
            throw new IllegalArgumentException("x: needs more than k = " + k + " samples, has " + n);
        }
        double[][] z = new double[n][dx + dy];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, z[i], 0, dx);
            System.arraycopy(y[i], 0, z[i], dx, dy);
        }
        MaxNormKdTree joint = new MaxNormKdTree(z);
        MaxNormKdTree xs = new MaxNormKdTree(x);
        MaxNormKdTree ys = new MaxNormKdTree(y);
        double[] best = new double[k];
        int[] who = second ? new int[k] : null;
        int[][] counts = new int[2][n];
        for (int i = 0; i < n; i++) {
            joint.nearest(z[i], i, best, who);
            if (second) {
                double ex = 0;
                double ey = 0;
                for (int j : who) {
                    ex = Math.max(ex, maxDistance(x[i], x[j]));
                    ey = Math.max(ey, maxDistance(y[i], y[j]));
                }
                counts[0][i] = xs.countWithin(x[i], ex, true) - 1;
                counts[1][i] = ys.countWithin(y[i], ey, true) - 1;
            } else {
                double eps = best[k - 1];
                int self = eps > 0 ? 1 : 0;
                counts[0][i] = xs.countWithin(x[i], eps, false) - self;
                counts[1][i] = ys.countWithin(y[i], eps, false) - self;
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return "KSG algorithm " + (second ? 2 : 1) + ", k=" + k;
    }

    static double maxDistance(double[] u, double[] v) {
        double m = 0;
        for (int a = 0; a < u.length; a++) {
            m = Math.max(m, Math.abs(u[a] - v[a]));
        }
        return m;
    }
}

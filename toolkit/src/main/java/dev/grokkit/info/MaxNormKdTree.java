package dev.grokkit.info;

/**
 * A k-d tree over n points for exact searches in the max-norm ||u - v|| = max_a |u_a - v_a|:
 * k-th nearest neighbour distances and counts of points within a radius. Nodes split the widest
 * side of their bounding box at the median; leaves hold at most {@value #LEAF} points. Written here
 * because no well-kept MIT/Apache Java library offers max-norm neighbour counting as KSG needs it.
 */
final class MaxNormKdTree {

    private static final int LEAF = 24;

    private final int d;
    private final double[] points; // tree order, row-major (n, d)
    private final int[] original;  // original index of the point at each tree position
    // Per node: range [start, end) of tree positions, children (-1 for a leaf), bounding box.
    private int[] start;
    private int[] end;
    private int[] left;
    private int[] right;
    private double[] low;
    private double[] high;
    private int nodes;

    MaxNormKdTree(double[][] z) {
        this.d = Features.checkRows("points", z);
        int n = z.length;
        original = new int[n];
        for (int i = 0; i < n; i++) {
            original[i] = i;
        }
        int capacity = 2 * n; // a binary tree with at most n nonempty leaves
        start = new int[capacity];
        end = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        low = new double[capacity * d];
        high = new double[capacity * d];
        build(z, 0, n);
        points = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(z[original[i]], 0, points, i * d, d);
        }
    }

    private int build(double[][] z, int from, int to) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        int widest = 0;
        double width = -1;
        for (int a = 0; a < d; a++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = z[original[i]][a];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            low[node * d + a] = lo;
            high[node * d + a] = hi;
            if (hi - lo > width) {
                width = hi - lo;
                widest = a;
            }
        }
        if (to - from <= LEAF || width == 0) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int mid = (from + to) >>> 1;
        select(z, from, to - 1, mid, widest);
        left[node] = build(z, from, mid);
        right[node] = build(z, mid, to);
        return node;
    }

    /** Quickselect: reorders original[from..to] so position k holds its order statistic on axis a. */
    private void select(double[][] z, int from, int to, int k, int a) {
        while (from < to) {
            double pivot = z[original[(from + to) >>> 1]][a];
            int i = from;
            int j = to;
            while (i <= j) {
                while (z[original[i]][a] < pivot) {
                    i++;
                }
                while (z[original[j]][a] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = original[i];
                    original[i++] = original[j];
                    original[j--] = t;
                }
            }
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                return;
            }
        }
    }

    /**
     * Max-norm distances from q to its k nearest points other than the point with original index
     * {@code self} (-1 for none), ascending, written to {@code best} (length k); the neighbours'
     * original indices go to {@code who} if it is not null.
     */
    void nearest(double[] q, int self, double[] best, int[] who) {
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        nearest(0, q, self, best, who);
    }

    private void nearest(int node, double[] q, int self, double[] best, int[] who) {
        int k = best.length;
        if (left[node] < 0) {
            for (int p = start[node]; p < end[node]; p++) {
                if (original[p] == self) {
                    continue;
                }
                double dist = distance(q, p, best[k - 1]);
                if (dist < best[k - 1]) {
                    int i = k - 1;
                    while (i > 0 && best[i - 1] > dist) {
                        best[i] = best[i - 1];
                        if (who != null) {
                            who[i] = who[i - 1];
                        }
                        i--;
                    }
                    best[i] = dist;
                    if (who != null) {
                        who[i] = original[p];
                    }
                }
            }
            return;
        }
        double dl = boxDistance(left[node], q);
        double dr = boxDistance(right[node], q);
        int first = dl <= dr ? left[node] : right[node];
        int second = dl <= dr ? right[node] : left[node];
        if (Math.min(dl, dr) < best[k - 1]) {
            nearest(first, q, self, best, who);
        }
        if (Math.max(dl, dr) < best[k - 1]) {
            nearest(second, q, self, best, who);
        }
    }

    /** Number of points (the query point itself included if it is in the tree) with ||p - q|| < r, or <= r if inclusive. */
    int countWithin(double[] q, double r, boolean inclusive) {
        return count(0, q, r, inclusive);
    }

    private int count(int node, double[] q, double r, boolean inclusive) {
        double near = boxDistance(node, q);
        if (inclusive ? near > r : near >= r) {
            return 0;
        }
        double far = farCorner(node, q);
        if (inclusive ? far <= r : far < r) {
            return end[node] - start[node];
        }
        if (left[node] < 0) {
            int c = 0;
            for (int p = start[node]; p < end[node]; p++) {
                double dist = distance(q, p, Double.POSITIVE_INFINITY);
                if (inclusive ? dist <= r : dist < r) {
                    c++;
                }
            }
            return c;
        }
        return count(left[node], q, r, inclusive) + count(right[node], q, r, inclusive);
    }

    /** Max-norm distance from q to the point at tree position p, stopping early once above limit. */
    private double distance(double[] q, int p, double limit) {
        double m = 0;
        int o = p * d;
        for (int a = 0; a < d; a++) {
            double t = Math.abs(points[o + a] - q[a]);
            if (t > m) {
                m = t;
                if (m > limit) {
                    return m;
                }
            }
        }
        return m;
    }

    private double boxDistance(int node, double[] q) {
        double m = 0;
        int o = node * d;
        for (int a = 0; a < d; a++) {
            double t = Math.max(low[o + a] - q[a], q[a] - high[o + a]);
            if (t > m) {
                m = t;
            }
        }
        return m;
    }

    private double farCorner(int node, double[] q) {
        double m = 0;
        int o = node * d;
        for (int a = 0; a < d; a++) {
            m = Math.max(m, Math.max(Math.abs(q[a] - low[o + a]), Math.abs(high[o + a] - q[a])));
        }
        return m;
    }
}

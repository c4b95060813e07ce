package dev.grokkit.info;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Numerical checks of {@link UniformGap}'s bounds on random distributions: Lemmas 3.5-3.6 and
 * Pinsker on Dirichlet(alpha) draws (p = g / sum g, g_i ~ Gamma(alpha)), and Theorem 3.7 on
 * normalized i.i.d. samples whose limit E[(x/mu) ln(x/mu)] is known in closed form: Gamma(k),
 * where it is psi(k + 1) - ln k, and Uniform(0, 1), where it is ln 2 - 1/2.
 */
public final class UniformGapCheck {

    private UniformGapCheck() {}

    /**
     * One row per (alpha, n): the largest gap / bound ratio of each upper bound, the smallest
     * gap / Pinsker ratio, and the number of draws that break any of the three.
     */
    public static Table lemmas(int trials, long seed) {
        RandomGenerator random = new JDKRandomGenerator((int) seed);
        Table t = Table.create("Lemmas 3.5-3.6 and Pinsker on Dirichlet draws", DoubleColumn.create("alpha"),
                IntColumn.create("n"), IntColumn.create("draws"), DoubleColumn.create("mean gap"),
                DoubleColumn.create("max gap / Lemma 3.5"), DoubleColumn.create("max gap / Lemma 3.6"),
                DoubleColumn.create("min gap / Pinsker"), IntColumn.create("violations"));
        for (double alpha : new double[] {0.1, 1, 10}) {
            GammaDistribution gamma = new GammaDistribution(random, alpha, 1);
            for (int n : new int[] {2, 10, 1000}) {
                double sum = 0, max35 = 0, max36 = 0, minPinsker = Double.POSITIVE_INFINITY;
                int violations = 0;
                for (int trial = 0; trial < trials; trial++) {
                    double[] p = UniformGap.normalized(gamma.sample(n));
                    double gap = UniformGap.gap(p);
                    double b35 = UniformGap.lemma35(p), b36 = UniformGap.lemma36(p), pinsker = UniformGap.pinsker(p);
                    sum += gap;
                    max35 = Math.max(max35, gap / b35);
                    max36 = Math.max(max36, gap / b36);
                    minPinsker = Math.min(minPinsker, gap / pinsker);
                    violations += gap > b35 + 1e-12 || gap > b36 + 1e-12 || gap < pinsker - 1e-12 ? 1 : 0;
                }
                t.doubleColumn("alpha").append(alpha);
                t.intColumn("n").append(n);
                t.intColumn("draws").append(trials);
                t.doubleColumn("mean gap").append(sum / trials);
                t.doubleColumn("max gap / Lemma 3.5").append(max35);
                t.doubleColumn("max gap / Lemma 3.6").append(max36);
                t.doubleColumn("min gap / Pinsker").append(minPinsker);
                t.intColumn("violations").append(violations);
            }
        }
        return t;
    }

    /** One row per (distribution, n): the gap of one normalized sample, its CV^2 / 2, and the exact limit. */
    public static Table theorem37(long seed) {
        RandomGenerator random = new JDKRandomGenerator((int) seed);
        Table t = Table.create("Theorem 3.7: gap of n normalized i.i.d. draws vs CV^2 / 2",
                StringColumn.create("distribution"), IntColumn.create("n"), DoubleColumn.create("gap"),
                DoubleColumn.create("CV^2 / 2 of the sample"), DoubleColumn.create("CV^2 / 2 of the law"),
                DoubleColumn.create("exact limit"));
        for (int n : new int[] {100, 100_000}) {
            for (double k : new double[] {1, 4, 16}) {
                add(t, "Gamma(" + (int) k + ")", new GammaDistribution(random, k, 1).sample(n),
                        1 / (2 * k), Digamma.of(k + 1) - Math.log(k));
            }
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = 1 - random.nextDouble(); // in (0, 1]
            }
            add(t, "Uniform(0, 1)", u, 1.0 / 6, Math.log(2) - 0.5);
        }
        return t;
    }

    private static void add(Table t, String name, double[] x, double lawHalfCv2, double limit) {
        t.stringColumn("distribution").append(name);
        t.intColumn("n").append(x.length);
        t.doubleColumn("gap").append(UniformGap.gap(UniformGap.normalized(x)));
        t.doubleColumn("CV^2 / 2 of the sample").append(UniformGap.halfSquaredCv(x));
        t.doubleColumn("CV^2 / 2 of the law").append(lawHalfCv2);
        t.doubleColumn("exact limit").append(limit);
    }
}

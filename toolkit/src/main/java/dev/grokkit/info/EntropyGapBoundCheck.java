package dev.grokkit.info;

import dev.grokkit.linalg.SymmetricEigen;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Theorem 3.2 checked on matrices: random symmetric positive definite A = Q diag(l) Q^T (Q from
 * Gram-Schmidt on a Gaussian matrix), smallest eigenvalue 1 and largest kappa, the gap computed
 * from A's own eigen-decomposition. Spectra: the other eigenvalues log-uniform in [1, kappa],
 * each at 1 or kappa with probability 1/2 (near the extremum), and every two-valued spectrum (k
 * at kappa, n - k at 1). Each row counts the matrices over the paper's bound
 * ({@link EntropyGapBound#oneAtKappa}) and over the exact maximum ({@link EntropyGapBound#maximum}).
 */
public final class EntropyGapBoundCheck {

    private EntropyGapBoundCheck() {}

    /** One row per (n, kappa) for n in {5, 20, 50} and kappa in {2, 10, 100, 1e4}; {@code trials} random spectra of each kind. */
    public static Table run(int trials, long seed) {
        Random random = new Random(seed);
        Table t = Table.create("Theorem 3.2: entropy gap vs bounds", IntColumn.create("n"), DoubleColumn.create("kappa"),
                IntColumn.create("matrices"), DoubleColumn.create("max gap found"), IntColumn.create("k at max"),
                DoubleColumn.create("paper bound (k = 1)"), DoubleColumn.create("exact max"),
                DoubleColumn.create("any-n bound"), IntColumn.create("over paper bound"), IntColumn.create("over exact max"));
        for (int n : new int[] {5, 20, 50}) {
            for (double kappa : new double[] {2, 10, 100, 1e4}) {
                List<Double> gaps = new ArrayList<>();
                double logKappa = Math.log(kappa);
                for (int trial = 0; trial < trials; trial++) {
                    gaps.add(gapOf(spectrum(n, kappa, () -> Math.exp(random.nextDouble() * logKappa)), random));
                    gaps.add(gapOf(spectrum(n, kappa, () -> random.nextBoolean() ? kappa : 1), random));
                }
                for (int k = 1; k < n; k++) {
                    double[] l = new double[n];
                    Arrays.fill(l, 1);
                    Arrays.fill(l, 0, k, kappa);
                    gaps.add(gapOf(l, random));
                }
                double paper = EntropyGapBound.oneAtKappa(n, kappa);
                double exact = EntropyGapBound.maximum(n, kappa);
                t.intColumn("n").append(n);
                t.doubleColumn("kappa").append(kappa);
                t.intColumn("matrices").append(gaps.size());
                t.doubleColumn("max gap found").append(gaps.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
                t.intColumn("k at max").append(EntropyGapBound.extremalCount(n, kappa));
                t.doubleColumn("paper bound (k = 1)").append(paper);
                t.doubleColumn("exact max").append(exact);
                t.doubleColumn("any-n bound").append(EntropyGapBound.anyDimension(kappa));
                t.intColumn("over paper bound").append((int) gaps.stream().filter(g -> g > paper + 1e-9).count());
                t.intColumn("over exact max").append((int) gaps.stream().filter(g -> g > exact + 1e-9).count());
            }
        }
        return t;
    }

    /** l[0] = 1, l[1] = kappa, the others from {@code other}. */
    private static double[] spectrum(int n, double kappa, DoubleSupplier other) {
        double[] l = new double[n];
        l[0] = 1;
        l[1] = kappa;
        for (int i = 2; i < n; i++) {
            l[i] = other.getAsDouble();
        }
        return l;
    }

    /** ln n - H(p) of the eigenvalues of Q diag(l) Q^T. */
    private static double gapOf(double[] l, Random random) {
        double[] eigen = SymmetricEigen.values(withSpectrum(l, random));
        double sum = Arrays.stream(eigen).map(Math::abs).sum();
        return UniformGap.gap(Arrays.stream(eigen).map(e -> Math.abs(e) / sum).toArray());
    }

    /** Q diag(l) Q^T, Q orthonormalized (Gram-Schmidt) from a Gaussian matrix; exactly symmetric. */
    static double[][] withSpectrum(double[] l, Random random) {
        int n = l.length;
        double[][] q = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = random.nextGaussian();
            }
            for (int k = 0; k < j; k++) {
                double d = 0;
                for (int i = 0; i < n; i++) {
                    d += q[j][i] * q[k][i];
                }
                for (int i = 0; i < n; i++) {
                    q[j][i] -= d * q[k][i];
                }
            }
            double norm = Math.sqrt(Arrays.stream(q[j]).map(x -> x * x).sum());
            for (int i = 0; i < n; i++) {
                q[j][i] /= norm;
            }
        }
        double[][] a = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[k][r] * l[k] * q[k][c];
                }
                a[r][c] = s;
                a[c][r] = s;
            }
        }
        return a;
    }
}

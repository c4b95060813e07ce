package dev.grokkit.optim;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The entropy-gap paper's section 4 simulated: y = +-1 with probability 1/2, x = a y + sigma e,
 * e ~ N(0, 1) (Definition 4.1). Per signal a it measures the error of sign(x) (Lion's update)
 * against the Bayes error Phi(-a/sigma) (Theorems 4.2-4.3) and the Chernoff bound
 * exp(-a^2 / (2 sigma^2)) / 2 (Corollary 4.4 as we read it), the best shifted threshold
 * sign(x - t), Fano's h(P_e) >= H(Y | X) (Proposition 4.5), and the posterior mean
 * E[y | x] = tanh(a x / sigma^2) (TanhLion's statistic): binned means of y against tanh at the bin
 * centres (bins of width 0.1, in units of their standard error) and its squared error against
 * sign's. "agrees" is all of these within 4 standard errors (4.5 for the binned posterior, whose
 * bin width adds a small bias).
 */
public final class LionBayesCheck {

    private static final double[] THRESHOLDS = {-0.5, -0.2, -0.05, 0.05, 0.2, 0.5};

    private LionBayesCheck() {}

    /** One row per signal a in {0.1, 0.5, 1, 2}, sigma = 1. */
    public static Table run(int samples, long seed) {
        Random rng = new Random(seed);
        double sigma = 1;
        Table t = Table.create("Lion as a Bayes classifier (sigma = 1)", DoubleColumn.create("a"),
                DoubleColumn.create("error sign(x)"), DoubleColumn.create("Phi(-a/sigma)"), DoubleColumn.create("bound 4.4"),
                DoubleColumn.create("best error sign(x - t), t != 0"), DoubleColumn.create("h(P_e)"),
                DoubleColumn.create("H(Y|X)"), DoubleColumn.create("MSE sign"), DoubleColumn.create("MSE tanh"),
                DoubleColumn.create("max |E[y|x] - tanh| / se"), BooleanColumn.create("agrees"));
        for (double a : new double[] {0.1, 0.5, 1, 2}) {
            int errors = 0;
            int[] shifted = new int[THRESHOLDS.length];
            double conditional = 0, mseSign = 0, mseTanh = 0;
            double[] binSum = new double[41], binCount = new double[41];
            for (int i = 0; i < samples; i++) {
                int y = rng.nextBoolean() ? 1 : -1;
                double x = a * y + sigma * rng.nextGaussian();
                errors += Math.signum(x) != y ? 1 : 0;
                for (int k = 0; k < THRESHOLDS.length; k++) {
                    shifted[k] += Math.signum(x - THRESHOLDS[k]) != y ? 1 : 0;
                }
                double posterior = Math.tanh(a * x / (sigma * sigma)); // E[y | x]
                conditional += binaryEntropy((1 + posterior) / 2);
                mseSign += (Math.signum(x) - y) * (Math.signum(x) - y);
                mseTanh += (posterior - y) * (posterior - y);
                int bin = (int) Math.round(x * 10) + 20; // width 0.1 on [-2, 2]
                if (bin >= 0 && bin <= 40) {
                    binSum[bin] += y;
                    binCount[bin]++;
                }
            }
            double pe = errors / (double) samples;
            double se = Math.sqrt(pe * (1 - pe) / samples); // standard error of a Monte Carlo error rate
            double bestShifted = Arrays.stream(shifted).min().orElseThrow() / (double) samples;
            double worstPosterior = 0; // |mean of y in a bin - tanh| * sqrt(count) (y has variance <= 1)
            for (int b = 0; b <= 40; b++) {
                if (binCount[b] >= 100) {
                    double gap = Math.abs(binSum[b] / binCount[b] - Math.tanh(a * (b - 20) / 10.0 / (sigma * sigma)));
                    worstPosterior = Math.max(worstPosterior, gap * Math.sqrt(binCount[b]));
                }
            }
            double tail = new NormalDistribution().cumulativeProbability(-a / sigma);
            double bound = Math.exp(-a * a / (2 * sigma * sigma)) / 2;
            double hpe = binaryEntropy(pe), hyx = conditional / samples;
            boolean agrees = Math.abs(pe - tail) <= 4 * se && tail <= bound && bestShifted >= pe - 4 * se
                    && hpe >= hyx - 4 * se * Math.abs(Math.log((1 - pe) / pe)) && mseTanh < mseSign
                    && worstPosterior <= 4.5;
            double[] row = {a, pe, tail, bound, bestShifted, hpe, hyx, mseSign / samples, mseTanh / samples, worstPosterior};
            for (int c = 0; c < row.length; c++) {
                t.doubleColumn(c).append(row[c]);
            }
            t.booleanColumn("agrees").append(agrees);
        }
        return t;
    }

    /** -p ln p - (1 - p) ln(1 - p). */
    static double binaryEntropy(double p) {
        return p <= 0 || p >= 1 ? 0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }
}

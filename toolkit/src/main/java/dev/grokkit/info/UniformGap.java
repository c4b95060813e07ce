package dev.grokkit.info;

/**
 * The entropy gap of a distribution p on n outcomes, gap = ln n - H(p) = KL(p || u) with u uniform,
 * and the bounds of the entropy-gap paper's section 3 in terms of the total variation distance
 * TV = (1/2) sum_i |p_i - 1/n| (the extracted text lost the formulas; these are our reconstruction
 * from the proofs' steps, and each is proved below):
 *
 * <ul>
 *   <li>Pinsker: gap >= 2 TV^2;
 *   <li>Lemma 3.5: gap <= TV ln(p_max / p_min). Since (1/n) sum ln p_i <= -ln n (Jensen),
 *       gap <= sum_i (p_i - 1/n) ln p_i, and splitting at p_i = 1/n bounds ln p_i by ln p_max above
 *       and by ln p_min below, each side weighing TV;
 *   <li>Lemma 3.6: gap <= ln(1 + n TV). Terms with p_i <= 1/n are <= 0, and above 1/n,
 *       n p_i = 1 + n (p_i - 1/n) <= 1 + n TV;
 *   <li>Theorem 3.7: for p_i = x_i / sum x_j with x_i i.i.d. of mean mu and standard deviation
 *       sigma, gap -> E[(x/mu) ln(x/mu)] ~ CV^2 / 2, CV = sigma / mu (second order in x/mu - 1).
 * </ul>
 */
public final class UniformGap {

    private UniformGap() {}

    /** ln n - H(p) for a probability vector p. */
    public static double gap(double[] p) {
        double s = 0;
        for (double pi : p) {
            s += pi > 0 ? pi * Math.log(p.length * pi) : 0;
        }
        return s;
    }

    /** (1/2) sum_i |p_i - 1/n|. */
    public static double totalVariation(double[] p) {
        double s = 0;
        for (double pi : p) {
            s += Math.abs(pi - 1.0 / p.length);
        }
        return s / 2;
    }

    /** 2 TV^2 (Pinsker's inequality), a lower bound on the gap. */
    public static double pinsker(double[] p) {
        double tv = totalVariation(p);
        return 2 * tv * tv;
    }

    /** TV ln(p_max / p_min) (Lemma 3.5 as reconstructed); infinite if some p_i is 0. */
    public static double lemma35(double[] p) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double pi : p) {
            min = Math.min(min, pi);
            max = Math.max(max, pi);
        }
        return totalVariation(p) * Math.log(max / min);
    }

    /** ln(1 + n TV) (Lemma 3.6 as reconstructed). */
    public static double lemma36(double[] p) {
        return Math.log1p(p.length * totalVariation(p));
    }

    /** x / sum x for positive x. */
    public static double[] normalized(double[] x) {
        double s = 0;
        for (double v : x) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("values must be positive, found " + v);
            }
            s += v;
        }
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = x[i] / s;
        }
        return p;
    }

    /** CV^2 / 2 of x, CV = population standard deviation / mean (Theorem 3.7's limit of the gap). */
    public static double halfSquaredCv(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        return var / (mean * mean) / 2;
    }
}

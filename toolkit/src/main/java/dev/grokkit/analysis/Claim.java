package dev.grokkit.analysis;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A claim decided from runs over seeds: the statement, the quantity that decides it with its
 * confidence interval, the side claimed, the verdict and the counts. Start one with
 * {@link #that}:
 *
 * <pre>
 *   Claim.that("perturbed training groks sooner").ratio(perturbed, standard).below(1)
 *   Claim.that("Adam reaches a higher test accuracy than SGD").difference(adam, sgd).above(0)
 *   Claim.that("ln t_grok falls with N").slope(Fits.exponential(n, tGrok)).below(0)
 * </pre>
 *
 * The verdict is {@link Verdict#HOLDS} when the whole interval lies on the claimed side,
 * {@link Verdict#DOES_NOT_HOLD} when it lies wholly on the other side, and
 * {@link Verdict#UNDECIDED} otherwise (see {@link Evidence} for censored runs).
 */
public record Claim(String statement, Verdict verdict, String quantity, double estimate, double low, double high,
        double confidence, String claimed, String n, String note) {

    /** A claim to decide at 95% confidence. */
    public static ClaimBuilder that(String statement) {
        return new ClaimBuilder(statement, 0.95);
    }

    /** One line for a finding, e.g. {@code holds: A groks sooner (A/B ratio 0.72, 95% CI [0.61, 0.85], claimed < 1; 3 vs 3 seeds)}. */
    @Override
    public String toString() {
        return verdict + ": " + statement + " (" + quantity + " " + format(estimate) + ", " + format(100 * confidence)
                + "% CI [" + format(low) + ", " + format(high) + "], claimed " + claimed + "; " + n
                + (note.isEmpty() ? "" : "; " + note) + ")";
    }

    /** Three significant digits, no exponent. */
    static String format(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}

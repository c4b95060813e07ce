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
public final class Claim {

    private final String statement;
    private final Verdict verdict;
    private final String quantity;
    private final double estimate;
    private final double low;
    private final double high;
    private final double confidence;
    private final String claimed;
    private final String n;
    private final String note;

    /** Made by {@link Evidence} and, to note runs left out or too few of them, {@link InformationPhases}: a verdict comes from runs. */
    Claim(String statement, Verdict verdict, String quantity, double estimate, double low, double high,
            double confidence, String claimed, String n, String note) {
        this.statement = statement;
        this.verdict = verdict;
        this.quantity = quantity;
        this.estimate = estimate;
        this.low = low;
        this.high = high;
        this.confidence = confidence;
        this.claimed = claimed;
        this.n = n;
        this.note = note;
    }

    /** The claim as stated. */
    public String statement() {
        return statement;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** What the interval is of, e.g. "perturbed/standard ratio". */
    public String quantity() {
        return quantity;
    }

    public double estimate() {
        return estimate;
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    public double confidence() {
        return confidence;
    }

    /** The side claimed, e.g. "< 1". */
    public String claimed() {
        return claimed;
    }

    /** The counts, e.g. "3 vs 3 seeds". */
    public String n() {
        return n;
    }

    /** Censored runs, if any, and their effect; empty if none. */
    public String note() {
        return note;
    }

    /** A claim to decide at 95% confidence. */
    public static ClaimBuilder that(String statement) {
        return new ClaimBuilder(statement, 0.95);
    }

    /**
     * One line for a finding, e.g. {@code holds: A groks sooner (A/B ratio 0.72, 95% CI [0.61, 0.85], claimed < 1; 3 vs 3 seeds)};
     * a count without interval as {@code (seeds with A t_grok within 5000 = 3, claimed 3 of 3; 3 seeds)}, and a claim
     * not testable as {@code (not testable; why)}.
     */
    @Override
    public String toString() {
        return verdict + ": " + statement + " (" + value() + (claimed.isEmpty() ? "" : ", claimed " + claimed)
                + (n.isEmpty() ? "" : "; " + n) + (note.isEmpty() ? "" : "; " + note) + ")";
    }

    private String value() {
        if (Double.isNaN(estimate)) {
            return quantity;
        }
        if (Double.isNaN(low) && Double.isNaN(high)) {
            return quantity + " = " + format(estimate);
        }
        double scale = Math.max(Math.abs(low), Math.abs(high));
        return quantity + " " + format(estimate, scale) + ", " + format(100 * confidence) + "% CI [" + format(low, scale) + ", "
                + format(high, scale) + "]";
    }

    /**
     * {@code x} as {@link #format(double)} does, but 0 when it is rounding noise against the line's
     * {@code scale} (|x| < 1e-9 scale; a paired difference of identical runs is about 1e-17, not a number
     * to print with its seventeen zeros).
     */
    static String format(double x, double scale) {
        return format(Math.abs(x) < 1e-9 * scale ? 0 : x);
    }

    /** Three significant digits, no exponent. */
    static String format(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}

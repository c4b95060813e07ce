package dev.grokkit.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * An estimate with its confidence interval, made for one claim; {@link #above}, {@link #below} or
 * {@link #within} or {@link #outside} names the claimed side and decides it.
 *
 * <p>Censored runs. A censored value (a run that never grokked within its budget) is held at the
 * budget, a lower bound on its true value. Its true value can only be larger, which moves the
 * estimate one way: up for the first sample (a in a - b, a/b or mean a), down for the second. The
 * interval always contains the estimate, so if the verdict's side of the interval is open in that
 * direction (the estimate can only go deeper into it), no larger value can reverse the verdict:
 * it stands, computed with the budget (a larger true value can widen the interval, so it is the
 * sample held at the budget that the interval describes). Otherwise larger values could reverse
 * it, and the verdict is {@link Verdict#UNDECIDED}. Example: "A groks sooner than B", ratio
 * A/B below 1: B runs that never grokked can only push the ratio lower, so "holds" stands; A runs
 * that never grokked could push it above 1, so "holds" becomes undecided, while "does not hold"
 * stands. Censored runs in both samples leave only an undecided verdict, and a claimed range
 * ({@link #within}), bounded on both sides, cannot hold with a censored run.
 *
 * <p>No spread. When every value is the same (a fraction of 8 counts, a step on the logging grid),
 * the interval has zero width; it would decide with certainty what a few seeds cannot, so the
 * verdict is {@link Verdict#UNDECIDED}, with a note.
 */
public final class Evidence {

    private final String statement;
    private final String quantity;
    private final TInterval interval;
    private final double confidence;
    private final String n;
    private final Sample raising;
    private final Sample lowering;

    /** {@code raising}: the sample whose larger values raise the estimate; {@code lowering}: lower it (either may be null). */
    Evidence(String statement, String quantity, TInterval interval, double confidence, String n, Sample raising,
            Sample lowering) {
        this.statement = statement;
        this.quantity = quantity;
        this.interval = interval;
        this.confidence = confidence;
        this.n = n;
        this.raising = raising;
        this.lowering = lowering;
    }

    public double estimate() {
        return interval.estimate();
    }

    public double low() {
        return interval.low();
    }

    public double high() {
        return interval.high();
    }

    /** Claimed: the quantity is greater than {@code value}. */
    public Claim above(double value) {
        return decide(value, Double.POSITIVE_INFINITY, "> " + Claim.format(value), false);
    }

    /** Claimed: the quantity is less than {@code value}. */
    public Claim below(double value) {
        return decide(Double.NEGATIVE_INFINITY, value, "< " + Claim.format(value), false);
    }

    /** Claimed: the quantity lies between {@code low} and {@code high} (e.g. an exponent of 2 +- 0.2). */
    public Claim within(double low, double high) {
        checkRange(low, high);
        return decide(low, high, "in [" + Claim.format(low) + ", " + Claim.format(high) + "]", false);
    }

    private void checkRange(double low, double high) {
        if (!(low < high) || Double.isInfinite(low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException("claim '" + statement + "': the claimed range needs finite low < high, was ["
                    + low + ", " + high + "]");
        }
    }

    /**
     * Claimed: the quantity lies outside [{@code low}, {@code high}] (e.g. a ratio differing from 1
     * by more than 10%: outside [0.9, 1.1]). The complement of {@link #within}: it holds when the
     * interval lies wholly below low or wholly above high, does not hold when it lies wholly inside.
     */
    public Claim outside(double low, double high) {
        checkRange(low, high);
        return decide(low, high, "outside [" + Claim.format(low) + ", " + Claim.format(high) + "]", true);
    }

    /** The verdict for the range (from, to), or for its complement when {@code outside}. */
    private Claim decide(double from, double to, String claimed, boolean outside) {
        if (Double.isNaN(from) || Double.isNaN(to)) {
            throw new IllegalArgumentException("claim '" + statement + "': the claimed value is NaN");
        }
        List<String> notes = new ArrayList<>();
        Verdict verdict = Verdict.UNDECIDED;
        double sideFrom = Double.NEGATIVE_INFINITY;
        double sideTo = Double.POSITIVE_INFINITY;
        if (!(high() > low())) {
            // every value the same (often a count or a step on the logging grid): the standard error
            // is 0, and an interval of zero width would decide with certainty what 3 seeds cannot
            notes.add("no spread over the values, so no interval");
        } else if (low() > from && high() < to) {
            verdict = Verdict.HOLDS;
            sideFrom = from;
            sideTo = to;
        } else if (high() < from) {
            verdict = Verdict.DOES_NOT_HOLD;
            sideTo = from;
        } else if (low() > to) {
            verdict = Verdict.DOES_NOT_HOLD;
            sideFrom = to;
        }
        if (outside && verdict != Verdict.UNDECIDED) {
            verdict = verdict == Verdict.HOLDS ? Verdict.DOES_NOT_HOLD : Verdict.HOLDS;
        }
        for (Sample s : new Sample[] {raising, lowering}) {
            if (s != null && s.censoredCount() > 0) {
                notes.add(s.censoredCount() + " of " + s.size() + " " + s.name() + " censored at " + Claim.format(s.budget()));
            }
        }
        boolean couldRise = raising != null && raising.censoredCount() > 0;
        boolean couldFall = lowering != null && lowering.censoredCount() > 0;
        boolean reversible = (couldRise && sideTo != Double.POSITIVE_INFINITY)
                || (couldFall && sideFrom != Double.NEGATIVE_INFINITY);
        if (verdict != Verdict.UNDECIDED && reversible) {
            notes.add("larger values could reverse '" + verdict + "'");
            verdict = Verdict.UNDECIDED;
        }
        return new Claim(statement, verdict, quantity, estimate(), low(), high(), confidence, claimed, n,
                String.join(", ", notes));
    }

    @Override
    public String toString() {
        return quantity + " " + Claim.format(estimate()) + ", " + Claim.format(100 * confidence) + "% CI ["
                + Claim.format(low()) + ", " + Claim.format(high()) + "]; " + n;
    }
}

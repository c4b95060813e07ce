package dev.grokkit.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * An estimate with its confidence interval, made for one claim; {@link #above}, {@link #below} or
 * {@link #within} or {@link #outside} names the claimed side and decides it.
 *
 * <p>Censored runs. A censored value (a run that never grokked within its budget) is held at the
 * budget, a lower bound on its true value. Its true value can only be larger, which moves the
 * estimate one way: up for the first sample (a in a - b, a/b or mean a), down for the second. If
 * the verdict's side of the interval is closed in that direction (the estimate could move out of
 * it), larger values could reverse the verdict, and it is {@link Verdict#UNDECIDED}. Example: "A
 * groks sooner than B", ratio A/B below 1: A runs that never grokked could push it above 1, so
 * "holds" becomes undecided, while "does not hold" stands; censored runs in both samples leave
 * only an undecided verdict, and a claimed range ({@link #within}), bounded on both sides, cannot
 * hold with a censored run. Otherwise the estimate can only go deeper into the verdict's side,
 * but a larger value also widens the interval (with 3 seeds, one value's excess raises the
 * standard error about as much as it moves the mean), so far enough beyond the budget any
 * verdict would give way. A verdict with censored values therefore stands only if it is the same
 * with every censored value at {@link #CENSORED_STRETCH} times its budget ("B runs that never
 * grokked" taken to grok at twice the budget), and is otherwise undecided, with a note.
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
    /** The interval with every censored value at {@link #CENSORED_STRETCH} times its budget, or null if none is censored. */
    private final TInterval censoredStretched;

    /** How far beyond its budget a censored value is taken when checking that a verdict stands. */
    static final double CENSORED_STRETCH = 2;

    /**
     * {@code raising}: the sample whose larger values raise the estimate; {@code lowering}: lower it
     * (either may be null); {@code censoredStretched}: the interval with their censored values at
     * {@link #CENSORED_STRETCH} times the budget (null when nothing is censored).
     */
    Evidence(String statement, String quantity, TInterval interval, double confidence, String n, Sample raising,
            Sample lowering, TInterval censoredStretched) {
        this.statement = statement;
        this.quantity = quantity;
        this.interval = interval;
        this.confidence = confidence;
        this.n = n;
        this.raising = raising;
        this.lowering = lowering;
        this.censoredStretched = censoredStretched;
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
        Side side = Side.of(interval, from, to, outside);
        Verdict verdict = side.verdict();
        if (!(high() > low())) {
            // every value the same (often a count or a step on the logging grid): the standard error
            // is 0, and an interval of zero width would decide with certainty what 3 seeds cannot
            notes.add("no spread over the values, so no interval");
        }
        for (Sample s : new Sample[] {raising, lowering}) {
            if (s != null && s.censoredCount() > 0) {
                notes.add(s.censoredCount() + " of " + s.size() + " " + s.name() + " censored at " + Claim.format(s.budget()));
            }
        }
        boolean couldRise = raising != null && raising.censoredCount() > 0;
        boolean couldFall = lowering != null && lowering.censoredCount() > 0;
        boolean reversible = (couldRise && side.to() != Double.POSITIVE_INFINITY)
                || (couldFall && side.from() != Double.NEGATIVE_INFINITY);
        if (verdict != Verdict.UNDECIDED && reversible) {
            notes.add("larger values could reverse '" + verdict + "'");
            verdict = Verdict.UNDECIDED;
        } else if (verdict != Verdict.UNDECIDED && censoredStretched != null) {
            Verdict stretched = Side.of(censoredStretched, from, to, outside).verdict();
            if (stretched != verdict) {
                notes.add("with the censored values at " + Claim.format(CENSORED_STRETCH) + "x their budget it would be "
                        + stretched);
                verdict = Verdict.UNDECIDED;
            }
        }
        return new Claim(statement, verdict, quantity, estimate(), low(), high(), confidence, claimed, n,
                String.join(", ", notes));
    }

    /**
     * Where an interval lies against the claimed range (from, to) (its complement when {@code
     * outside}), and the side of the claimed value it lies on, (from, to), for the censoring rule.
     * An interval of zero width lies nowhere.
     */
    private record Side(Verdict verdict, double from, double to) {
        static Side of(TInterval interval, double from, double to, boolean outside) {
            Side side = new Side(Verdict.UNDECIDED, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            if (!(interval.high() > interval.low())) {
                return side;
            } else if (interval.low() > from && interval.high() < to) {
                side = new Side(Verdict.HOLDS, from, to);
            } else if (interval.high() < from) {
                side = new Side(Verdict.DOES_NOT_HOLD, Double.NEGATIVE_INFINITY, from);
            } else if (interval.low() > to) {
                side = new Side(Verdict.DOES_NOT_HOLD, to, Double.POSITIVE_INFINITY);
            }
            if (outside && side.verdict() != Verdict.UNDECIDED) {
                side = new Side(side.verdict() == Verdict.HOLDS ? Verdict.DOES_NOT_HOLD : Verdict.HOLDS, side.from(), side.to());
            }
            return side;
        }
    }

    @Override
    public String toString() {
        return quantity + " " + Claim.format(estimate()) + ", " + Claim.format(100 * confidence) + "% CI ["
                + Claim.format(low()) + ", " + Claim.format(high()) + "]; " + n;
    }
}

package dev.grokkit.analysis;

import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * The statement of a claim and its confidence level; each method estimates the quantity that
 * decides it, with a t interval, as {@link Evidence} awaiting the claimed side. Every sample
 * needs at least 3 values (seeds): a claim is never decided by two single runs.
 *
 * <ul>
 *   <li>{@link #difference}: mean a - mean b over independent seeds (Welch's t interval);
 *   <li>{@link #ratio}: the ratio of geometric means a / b over independent seeds, for positive
 *       quantities such as grokking steps (Welch's interval on ln a - ln b, exponentiated);
 *   <li>{@link #pairedDifference}, {@link #pairedRatio}: the same when seed i ran both conditions
 *       (one-sample t interval on the per-seed differences or log-ratios);
 *   <li>{@link #mean}: one quantity, to compare with a reference value;
 *   <li>{@link #slope}: the slope of a fitted line, {@link Fits}, with y censored or not;
 *   <li>{@link #bootstrap}: any estimate with the percentile interval of its bootstrap replicates;
 *   <li>{@link #count}: how many seeds saw an event within the budget (every one, none, or some);
 *   <li>{@link #notTestable}: undecided, with the reason the runs cannot test the claim.
 * </ul>
 */
public final class ClaimBuilder {

    private static final int MIN_SEEDS = 3;

    private final String statement;
    private final double confidence;

    ClaimBuilder(String statement, double confidence) {
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("a claim needs a statement");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("claim '" + statement + "': confidence must be in (0, 1), was " + confidence);
        }
        this.statement = statement;
        this.confidence = confidence;
    }

    /** The confidence level of the interval (default 0.95). */
    public ClaimBuilder confidence(double confidence) {
        return new ClaimBuilder(statement, confidence);
    }

    public Evidence difference(Sample a, Sample b) {
        checkTwo(a, b, false);
        return evidence(a.name() + " - " + b.name(), (x, y) -> TInterval.welch(x.values(), y.values(), confidence),
                a.size() + " vs " + b.size() + " seeds", a, b);
    }

    public Evidence ratio(Sample a, Sample b) {
        checkTwo(a, b, false);
        return evidence(a.name() + "/" + b.name() + " ratio",
                (x, y) -> TInterval.welch(logs(x), logs(y), confidence).exp(), a.size() + " vs " + b.size() + " seeds", a, b);
    }

    public Evidence pairedDifference(Sample a, Sample b) {
        checkTwo(a, b, true);
        return evidence(a.name() + " - " + b.name() + ", paired",
                (x, y) -> TInterval.mean(differences(x.values(), y.values()), confidence), a.size() + " paired seeds", a, b);
    }

    public Evidence pairedRatio(Sample a, Sample b) {
        checkTwo(a, b, true);
        return evidence(a.name() + "/" + b.name() + " ratio, paired",
                (x, y) -> TInterval.mean(differences(logs(x), logs(y)), confidence).exp(), a.size() + " paired seeds", a, b);
    }

    public Evidence mean(Sample a) {
        checkSeeds(a);
        return evidence("mean " + a.name(), (x, none) -> TInterval.mean(x.values(), confidence), a.size() + " seeds", a, null);
    }

    /**
     * The fit's slope with its t interval (n - 2 degrees of freedom) at this claim's confidence,
     * which need not be the fit's. The fit has at least 3 points by construction.
     */
    public Evidence slope(LineFit fit) {
        return new Evidence(statement, "slope of " + fit.v() + " against " + fit.u(), slopeInterval(fit), confidence,
                fit.n() + " points", null, null, null);
    }

    /**
     * The slope of {@code fit} (e.g. {@code Fits::exponential}) of y against x, where y may hold
     * censored values (runs that never reached the event, held at the budget). As for censored
     * samples ({@link Evidence}), the verdict then stands only if the same fit with the censored
     * values at twice the budget gives the same one.
     */
    public Evidence slope(double[] x, Sample y, BiFunction<double[], double[], LineFit> fit) {
        LineFit held = fit.apply(x, y.values());
        if (y.censoredCount() == 0) {
            return slope(held);
        }
        LineFit stretched = fit.apply(x, y.censoredAt(Evidence.CENSORED_STRETCH).values());
        return new Evidence(statement, "slope of " + held.v() + " against " + held.u(), slopeInterval(held), confidence,
                held.n() + " points, " + y.censoredCount() + " " + y.name() + " censored at " + Claim.format(y.budget()),
                null, null, slopeInterval(stretched));
    }

    private TInterval slopeInterval(LineFit fit) {
        return TInterval.of(fit.slope(), fit.slopeStdErr(), fit.n() - 2, confidence);
    }

    /**
     * An estimate with the percentile interval of its bootstrap replicates at this claim's
     * confidence: the (1 - c)/2 and (1 + c)/2 quantiles (at least 100 replicates, all finite).
     */
    public Evidence bootstrap(String quantity, double estimate, double[] replicates, String n) {
        if (replicates.length < 100) {
            throw new IllegalArgumentException("claim '" + statement + "': a bootstrap interval needs at least 100 replicates, got "
                    + replicates.length);
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        if (!Double.isFinite(sorted[0]) || !Double.isFinite(sorted[sorted.length - 1]) || !Double.isFinite(estimate)) {
            throw new IllegalArgumentException("claim '" + statement + "': the estimate and its replicates must be finite");
        }
        TInterval interval = new TInterval(estimate, Percentiles.of(sorted, (1 - confidence) / 2),
                Percentiles.of(sorted, (1 + confidence) / 2));
        return new Evidence(statement, quantity, interval, confidence, n + ", " + replicates.length + " bootstrap replicates",
                null, null, null);
    }

    /**
     * How many seeds saw an event within the budget: the uncensored values of {@code events}, a
     * sample censored at a budget ({@link Sample#censored}, {@link Sample#grokkingSteps}). Holds
     * when every seed did, does not hold when none did, undecided otherwise. A count has no
     * interval: where a mean of values held at the budget, tested against the budget, could never
     * fail, k of n is what the runs show.
     */
    public Claim count(Sample events) {
        checkSeeds(events);
        if (Double.isNaN(events.budget())) {
            throw new IllegalArgumentException("claim '" + statement + "': counting needs a sample censored at a budget, but '"
                    + events.name() + "' has none");
        }
        int n = events.size();
        int k = n - events.censoredCount();
        Verdict verdict = k == n ? Verdict.HOLDS : k == 0 ? Verdict.DOES_NOT_HOLD : Verdict.UNDECIDED;
        return new Claim(statement, verdict, "seeds with " + events.name() + " within " + Claim.format(events.budget()), k,
                Double.NaN, Double.NaN, confidence, n + " of " + n, n + " seeds", "");
    }

    /**
     * A claim the runs cannot test, {@link Verdict#UNDECIDED} with the reason as its note: e.g. a
     * peak "before grokking" where the quantity is largest at its first logged step, which would
     * hold by construction.
     */
    public Claim notTestable(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("claim '" + statement + "': say why it is not testable");
        }
        return new Claim(statement, Verdict.UNDECIDED, "not testable", Double.NaN, Double.NaN, Double.NaN, confidence, "", "",
                reason);
    }

    /**
     * The evidence from {@code interval} of samples a and b (b may be null), and, when a value is
     * censored, from the same samples with their censored values stretched (see {@link Evidence}).
     */
    private Evidence evidence(String quantity, BiFunction<Sample, Sample, TInterval> interval, String n, Sample a, Sample b) {
        boolean censored = a.censoredCount() > 0 || (b != null && b.censoredCount() > 0);
        TInterval stretched = !censored ? null : interval.apply(a.censoredAt(Evidence.CENSORED_STRETCH),
                b == null ? null : b.censoredAt(Evidence.CENSORED_STRETCH));
        return new Evidence(statement, quantity, interval.apply(a, b), confidence, n, a, b, stretched);
    }

    /** x_i - y_i. */
    private static double[] differences(double[] x, double[] y) {
        double[] d = new double[x.length];
        Arrays.setAll(d, i -> x[i] - y[i]);
        return d;
    }

    private void checkTwo(Sample a, Sample b, boolean paired) {
        checkSeeds(a);
        checkSeeds(b);
        if (a.name().equals(b.name())) {
            throw new IllegalArgumentException("claim '" + statement + "' compares sample '" + a.name()
                    + "' with a sample of the same name");
        }
        if (paired && a.size() != b.size()) {
            throw new IllegalArgumentException("claim '" + statement + "' pairs seeds, but '" + a.name() + "' has "
                    + a.size() + " values and '" + b.name() + "' " + b.size());
        }
    }

    private void checkSeeds(Sample s) {
        if (s.size() < MIN_SEEDS) {
            throw new IllegalArgumentException("claim '" + statement + "': sample '" + s.name() + "' has " + s.size()
                    + (s.size() == 1 ? " value" : " values") + "; a claim is decided over at least " + MIN_SEEDS
                    + " seeds per condition");
        }
    }

    private double[] logs(Sample s) {
        double[] v = s.values();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                throw new IllegalArgumentException("claim '" + statement + "': a ratio needs positive values, but value "
                        + i + " of sample '" + s.name() + "' is " + v[i]);
            }
            v[i] = Math.log(v[i]);
        }
        return v;
    }
}

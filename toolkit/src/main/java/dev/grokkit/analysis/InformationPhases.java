package dev.grokkit.analysis;

import java.util.List;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.Table;

/**
 * The information-plane study's three phases of grokking, and its remark that the mutual
 * information falls while test accuracy grows, each decided over seeds as a {@link Claim}. The
 * windows come from accuracy, not from the MI curves under test (a window ending at the minimum
 * of a curve would make that curve fall by construction): with t_mem the first step at which
 * train accuracy reaches {@code memorized}, t_gen the first at which test accuracy reaches
 * {@code generalized} (the run's last step if never; never before t_mem) and T the last step,
 * and with the change of an MI column over a window read at the measured steps nearest its ends,
 *
 * <ul>
 *   <li>overfitting: both I(X;T) and I(T;Y) fall over [0, t_mem]: max(dI(X;T), dI(T;Y)) &lt; 0;
 *   <li>ERM: both rise over [t_mem, t_gen]: min(dI(X;T), dI(T;Y)) &gt; 0;
 *   <li>compression: I(X;T) falls over [t_gen, T]: dI(X;T) &lt; 0;
 *   <li>MI falls while test accuracy grows: max(dI(X;T), dI(T;Y)) &lt; 0 over [t_mem, t_gen].
 * </ul>
 *
 * Each is decided on the mean over runs (seeds) of the per-run quantity, by its t interval.
 * Columns are the {@code InformationPlaneProbe}'s "ixt:LAYER:SPLIT" and "ity:LAYER:SPLIT".
 */
public record InformationPhases(double memorized, double generalized) {

    /** A run's window ends: t_mem, t_gen and the last step. */
    public record Windows(long memorized, long generalized, long end) {}

    public Windows windows(Table run) {
        long end = (long) run.numberColumn("step").max();
        long tMem = GrokkingTimes.firstAtLeast(run, "train_acc", memorized);
        long tGen = GrokkingTimes.firstAtLeast(run, "test_acc", generalized);
        tMem = tMem < 0 ? end : tMem;
        return new Windows(tMem, Math.max(tMem, tGen < 0 ? end : tGen), end);
    }

    /** The four claims for one layer on one split ("train" or "test"), over the runs. */
    public List<Claim> claims(List<? extends Table> runs, String layer, String split) {
        String ixt = "ixt:" + layer + ":" + split;
        String ity = "ity:" + layer + ":" + split;
        String where = " (" + layer + ", " + split + " subset)";
        return List.of(
                decide(runs, "overfitting: I(X;T) and I(T;Y) fall while the training set is fit" + where,
                        "max dMI over [0, t_mem]", r -> Math.max(change(r, ixt, 0, windows(r).memorized()),
                                change(r, ity, 0, windows(r).memorized())), false),
                decide(runs, "ERM: I(X;T) and I(T;Y) rise while test accuracy rises" + where,
                        "min dMI over [t_mem, t_gen]", r -> Math.min(change(r, ixt, windows(r).memorized(), windows(r).generalized()),
                                change(r, ity, windows(r).memorized(), windows(r).generalized())), true),
                decide(runs, "compression: I(X;T) falls after generalization" + where, "dI(X;T) over [t_gen, T]",
                        r -> change(r, ixt, windows(r).generalized(), windows(r).end()), false),
                decide(runs, "MI falls while test accuracy grows" + where, "max dMI over [t_mem, t_gen]",
                        r -> Math.max(change(r, ixt, windows(r).memorized(), windows(r).generalized()),
                                change(r, ity, windows(r).memorized(), windows(r).generalized())), false));
    }

    /**
     * The claim on the mean of the per-run quantity, over the runs where it is finite (a layer
     * with too few directions of variance gives NaN estimates); undecided, with no interval, when
     * fewer than 3 runs are left.
     */
    private static Claim decide(List<? extends Table> runs, String statement, String quantity,
            ToDoubleFunction<Table> perRun, boolean above) {
        double[] values = runs.stream().mapToDouble(perRun).filter(Double::isFinite).toArray();
        String left = values.length == runs.size() ? "" : (runs.size() - values.length) + " of " + runs.size()
                + " runs left out (NaN estimates)";
        if (values.length < 3) {
            return new Claim(statement, Verdict.UNDECIDED, quantity, Double.NaN, Double.NaN, Double.NaN, 0.95,
                    (above ? "> 0" : "< 0"), values.length + " seeds", left);
        }
        Evidence e = Claim.that(statement).mean(Sample.of(quantity, values));
        Claim c = above ? e.above(0) : e.below(0);
        return left.isEmpty() ? c : new Claim(c.statement(), c.verdict(), c.quantity(), c.estimate(), c.low(), c.high(),
                c.confidence(), c.claimed(), c.n(), left);
    }

    /** column(to) - column(from), each read at the measured step nearest the given one. */
    public static double change(Table run, String column, long from, long to) {
        return GrokkingTimes.valueNear(run, column, to) - GrokkingTimes.valueNear(run, column, from);
    }
}

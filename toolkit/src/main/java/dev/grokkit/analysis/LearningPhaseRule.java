package dev.grokkit.analysis;

import tech.tablesaw.api.Table;

/**
 * Which {@link LearningPhase} a run is in, from its history's "train_acc" and "test_acc". With
 * t_mem the first logged step at which train accuracy reaches {@code memorized} and t_gen the
 * first at which test accuracy reaches {@code generalized} (either may never come):
 *
 * <ul>
 *   <li>confusion: neither t_mem nor t_gen;
 *   <li>memorization: t_mem but no t_gen;
 *   <li>grokking: both, and t_gen &gt; delayFactor &middot; t_mem (the delay after fitting is at
 *       least (delayFactor - 1) times as long as fitting took);
 *   <li>comprehension: t_gen without t_mem, or t_gen &le; delayFactor &middot; t_mem.
 * </ul>
 */
public record LearningPhaseRule(double memorized, double generalized, double delayFactor) {

    public LearningPhaseRule {
        for (double threshold : new double[] {memorized, generalized}) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("accuracy thresholds must be in (0, 1], were " + memorized + " and "
                        + generalized);
            }
        }
        if (!(delayFactor >= 1) || Double.isInfinite(delayFactor)) {
            throw new IllegalArgumentException("delayFactor must be finite and at least 1, was " + delayFactor);
        }
    }

    /** The phase of the run whose history this is. */
    public LearningPhase classify(Table history) {
        long tMem = GrokkingTimes.firstAtLeast(history, "train_acc", memorized);
        long tGen = GrokkingTimes.firstAtLeast(history, "test_acc", generalized);
        if (tGen < 0) {
            return tMem < 0 ? LearningPhase.CONFUSION : LearningPhase.MEMORIZATION;
        }
        return tMem >= 0 && tGen > delayFactor * tMem ? LearningPhase.GROKKING : LearningPhase.COMPREHENSION;
    }

    /** The rule in words, for a notebook. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "t_mem: train acc >= %s, t_gen: test acc >= %s; grokking if t_gen > %s t_mem", memorized, generalized,
                delayFactor);
    }
}

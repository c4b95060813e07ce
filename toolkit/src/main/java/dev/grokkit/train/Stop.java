package dev.grokkit.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;

/** Stop rules by name. A run also always stops when its training loss or weights stop being finite. */
public final class Stop {

    /** The columns whose non-finite value means divergence. */
    private static final List<String> DIVERGENCE_COLUMNS = List.of("train_loss", "weight_norm");

    private Stop() {}

    /** Stops once test accuracy reaches {@code threshold} in (0, 1] (e.g. 0.99: grokked). */
    public static StopRule testAccuracyAtLeast(double threshold) {
        requireAccuracy(threshold);
        return when("test_acc", v -> v >= threshold, "test_acc >= " + threshold);
    }

    /** Stops once training accuracy reaches {@code threshold} in (0, 1] (memorized). */
    public static StopRule trainAccuracyAtLeast(double threshold) {
        requireAccuracy(threshold);
        return when("train_acc", v -> v >= threshold, "train_acc >= " + threshold);
    }

    /** Stops once the training loss falls below {@code threshold} (positive and finite). */
    public static StopRule trainLossBelow(double threshold) {
        if (!(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("loss threshold must be positive and finite, was " + threshold);
        }
        return when("train_loss", v -> v < threshold, "train_loss < " + threshold);
    }

    /** An accuracy is a fraction: a threshold of 99 (meaning 99%) would never stop the run. */
    private static void requireAccuracy(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("accuracy threshold must be in (0, 1], was " + threshold);
        }
    }

    /** Stops when {@code column}'s latest value satisfies {@code test}; {@code description} is the reason. */
    public static StopRule when(String column, DoublePredicate test, String description) {
        return row -> {
            Double v = row.get(column);
            if (v == null) {
                throw new IllegalArgumentException(
                        "stop rule '" + description + "' reads column '" + column
                                + "', which the history does not have; columns: " + row.keySet());
            }
            return test.test(v) ? Optional.of(description) : Optional.empty();
        };
    }

    /**
     * Stops when the training loss, or the weight norm if a probe records it, is NaN or infinite:
     * the run diverged. Every experiment checks it first at each logged row.
     */
    public static StopRule diverged() {
        return row -> {
            for (String column : DIVERGENCE_COLUMNS) {
                Double v = row.get(column);
                if (v != null && !Double.isFinite(v)) {
                    return Optional.of("diverged: " + column + " is " + v);
                }
            }
            return Optional.empty();
        };
    }

    static Optional<String> first(Iterable<StopRule> rules, Map<String, Double> row) {
        for (StopRule rule : rules) {
            Optional<String> reason = rule.check(row);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}

package dev.grokkit.train;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;

/** Stop rules by name. A run also always stops when its training loss stops being finite. */
public final class Stop {

    private Stop() {}

    /** Stops once test accuracy reaches {@code threshold} (e.g. 0.99: grokked). */
    public static StopRule testAccuracyAtLeast(double threshold) {
        return when("test_acc", v -> v >= threshold, "test_acc >= " + threshold);
    }

    /** Stops once training accuracy reaches {@code threshold} (memorized). */
    public static StopRule trainAccuracyAtLeast(double threshold) {
        return when("train_acc", v -> v >= threshold, "train_acc >= " + threshold);
    }

    /** Stops once the training loss falls below {@code threshold}. */
    public static StopRule trainLossBelow(double threshold) {
        return when("train_loss", v -> v < threshold, "train_loss < " + threshold);
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

    /** Stops when the training loss is NaN or infinite: the run diverged. */
    public static StopRule diverged() {
        return row -> {
            Double loss = row.get("train_loss");
            return loss != null && !Double.isFinite(loss)
                    ? Optional.of("diverged: train_loss is " + loss)
                    : Optional.empty();
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

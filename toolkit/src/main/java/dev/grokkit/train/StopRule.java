package dev.grokkit.train;

import java.util.Map;
import java.util.Optional;

/** Ends a run early, looking at each recorded history row. */
@FunctionalInterface
public interface StopRule {

    /** A reason to stop after this row, or empty to go on. */
    Optional<String> check(Map<String, Double> row);
}

package dev.grokkit.train;

import java.util.Map;

/**
 * Follows a run as it goes: a console progress bar, or in a notebook a live progress bar and
 * chart. Called on the training thread; implementations must be quick.
 */
public interface RunListener {

    /** Before the first step; {@code totalSteps} is the step budget, {@code title} says what runs. */
    default void started(String title, long totalSteps) {}

    /** After each history row is recorded: the row's values by column name (step included). */
    default void logged(long step, Map<String, Double> row) {}

    /** After the last step; {@code reason} says why the run ended (budget, stop rule, interrupt). */
    default void finished(long step, String reason) {}
}

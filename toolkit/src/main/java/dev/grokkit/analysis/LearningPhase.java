package dev.grokkit.analysis;

/**
 * Omnigrok's four phases of a training run (Liu, Michaud and Tegmark 2023), as
 * {@link LearningPhaseRule} tells them apart from a run's accuracy curves.
 */
public enum LearningPhase {
    /** Generalizes about when (or before) it fits the training set. */
    COMPREHENSION("comprehension"),
    /** Fits the training set, then generalizes much later. */
    GROKKING("grokking"),
    /** Fits the training set and never generalizes within the budget. */
    MEMORIZATION("memorization"),
    /** Neither fits the training set nor generalizes within the budget. */
    CONFUSION("confusion");

    private final String text;

    LearningPhase(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.grokkit.optim;

/** A recipe for an optimizer; each run builds a fresh one with empty state. */
public interface OptimizerSpec {

    GrokOptimizer build();

    /** One line with the rule and its hyperparameters. */
    String describe();
}

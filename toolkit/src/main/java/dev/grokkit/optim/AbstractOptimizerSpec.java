package dev.grokkit.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every optimizer spec shares: the learning rate (a constant or a {@link Schedule}), the
 * weight decay, validation, and the one-line description "Name(lr .., details.., weight decay ..)".
 * Specs are mutable builders; {@link #build()} makes a fresh optimizer with empty state from the
 * current settings, so one spec serves many runs.
 */
public abstract class AbstractOptimizerSpec<T extends AbstractOptimizerSpec<T>> implements OptimizerSpec, Cloneable {

    private Schedule schedule;
    private double weightDecay;

    protected AbstractOptimizerSpec(double defaultLearningRate, double defaultWeightDecay) {
        this.schedule = Schedule.constant(defaultLearningRate);
        this.weightDecay = defaultWeightDecay;
    }

    /** A constant learning rate (positive, finite). */
    public T learningRate(double lr) {
        this.schedule = Schedule.constant(lr);
        return self();
    }

    /** A learning rate schedule, instead of a constant {@link #learningRate(double)}. */
    public T schedule(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule must not be null");
        return self();
    }

    /** Weight decay (>= 0, finite); how it enters the update depends on the rule. */
    public T weightDecay(double weightDecay) {
        this.weightDecay = requireNonNegative(weightDecay, "weightDecay");
        return self();
    }

    public Schedule schedule() {
        return schedule;
    }

    public double weightDecay() {
        return weightDecay;
    }

    /** A copy with the current settings, which later changes to this spec do not affect. */
    @SuppressWarnings("unchecked")
    public T copy() {
        try {
            return (T) super.clone(); // every setting is a value, or an array replaced (never changed) by its setter
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    protected abstract T self();

    /** The rule's name in descriptions, e.g. "AdamW". */
    protected abstract String name();

    /** Rule-specific hyperparameters for the description, e.g. "betas (0.9, 0.98)". */
    protected abstract List<String> details();

    @Override
    public final String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(schedule.describe());
        parts.addAll(details());
        parts.add("weight decay " + Format.number(weightDecay));
        return name() + "(" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** {@code value} if it is finite and >= 0; otherwise a clear exception naming it. */
    protected static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and > 0; otherwise a clear exception naming it. */
    protected static double requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
        return value;
    }
}

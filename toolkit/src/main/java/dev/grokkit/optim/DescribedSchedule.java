package dev.grokkit.optim;

/** A schedule with a description: what {@link Schedule}'s factories return. */
final class DescribedSchedule implements Schedule {

    private final String description;
    private final Schedule rule;

    DescribedSchedule(String description, Schedule rule) {
        this.description = description;
        this.rule = rule;
    }

    @Override
    public double at(long step) {
        return rule.at(step);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}

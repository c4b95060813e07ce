package dev.grokkit.analysis;

import java.util.Collection;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One quantity measured over seeds, in seed order (paired claims pair two samples by position),
 * named for messages and findings. A value may be censored: a run that did not reach the event
 * within its budget (a run that never grokked) is known only to lie at or beyond the budget; it
 * is held as the budget, marked censored, and {@link Evidence} decides what that allows.
 */
public record Sample(String name, double[] values, boolean[] censored, double budget) {

    public Sample {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sample needs a name");
        }
        if (values.length != censored.length) {
            throw new IllegalArgumentException("sample '" + name + "': " + values.length + " values but "
                    + censored.length + " censoring flags");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample '" + name + "': value " + i + " is " + values[i]
                        + "; values must be finite");
            }
            if (censored[i] && values[i] != budget) {
                throw new IllegalArgumentException("sample '" + name + "': censored value " + i + " must be held at the budget "
                        + budget + ", was " + values[i]);
            }
        }
        values = values.clone();
        censored = censored.clone();
    }

    /** Values all observed. */
    public static Sample of(String name, double... values) {
        return new Sample(name, values, new boolean[values.length], Double.NaN);
    }

    public static Sample of(String name, Collection<? extends Number> values) {
        return of(name, values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /**
     * Values where NaN marks a run that did not reach the event within {@code budget} (its value is
     * at least the budget); observed values must not exceed the budget.
     */
    public static Sample censored(String name, double budget, double... values) {
        if (!(budget > 0) || Double.isInfinite(budget)) {
            throw new IllegalArgumentException("sample '" + name + "': budget must be positive and finite, was " + budget);
        }
        double[] held = values.clone();
        boolean[] censored = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] > budget) {
                throw new IllegalArgumentException("sample '" + name + "': value " + i + " (" + values[i]
                        + ") is beyond the budget " + budget);
            }
            censored[i] = Double.isNaN(values[i]);
            held[i] = censored[i] ? budget : values[i];
        }
        return new Sample(name, held, censored, budget);
    }

    /** The last value of {@code column} that each history recorded (missing rows skipped), one per seed in order. */
    public static Sample lastOf(String name, String column, List<? extends Table> histories) {
        return of(name, histories.stream().mapToDouble(h -> {
            var values = h.numberColumn(column);
            for (int i = h.rowCount() - 1; i >= 0; i--) {
                if (!values.isMissing(i)) {
                    return values.getDouble(i);
                }
            }
            throw new IllegalArgumentException("sample '" + name + "': history '" + h.name() + "' never recorded " + column);
        }).toArray());
    }

    /** The grokking steps of runs of {@code budget} steps each; a run that never grokked is censored. */
    public static Sample grokkingSteps(String name, long budget, List<GrokkingTimes> runs) {
        return censored(name, budget, runs.stream()
                .mapToDouble(t -> t.grokked() ? t.grokkingStep() : Double.NaN).toArray());
    }

    /**
     * This sample with every censored value, and the budget, at {@code factor} times the budget,
     * still censored: runs that never reached the event taken to reach it that much later.
     */
    public Sample censoredAt(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("sample '" + name + "': a censored value can only lie beyond its budget; factor was "
                    + factor);
        }
        if (censoredCount() == 0) {
            return this;
        }
        double stretched = factor * budget;
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = censored[i] ? stretched : v[i];
        }
        return new Sample(name, v, censored, stretched);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean[] censored() {
        return censored.clone();
    }

    public int size() {
        return values.length;
    }

    public int censoredCount() {
        int c = 0;
        for (boolean b : censored) {
            c += b ? 1 : 0;
        }
        return c;
    }
}

package dev.grokkit.train;

import dev.grokkit.analysis.GrokkingTimes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One experiment per value of a parameter (training fraction, weight decay, seed, ...), run one
 * after another. The result keeps every history and a summary table with one row per value:
 * steps, memorization and grokking steps (accuracy 0.99), final accuracies, seconds. Each run's
 * model is closed as soon as its history is kept, so a long sweep holds one model at a time.
 */
public final class Sweep<T> {

    private static final List<String> SUMMARY_COLUMNS = List.of("steps", "memorization_step", "grokking_step",
            "final_train_acc", "final_test_acc", "seconds");

    private final String parameter;
    private final List<T> values;
    private final Function<T, Experiment> experiments;

    private Sweep(String parameter, List<T> values, Function<T, Experiment> experiments) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.values = List.copyOf(values);
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        if (SUMMARY_COLUMNS.contains(parameter)) {
            throw new IllegalArgumentException("sweep parameter name '" + parameter
                    + "' clashes with a summary column; summary columns: " + SUMMARY_COLUMNS);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sweep over '" + parameter + "' needs at least one value");
        }
    }

    /** A sweep of {@code experiments.apply(v)} for each value v of {@code parameter}. */
    public static <T> Sweep<T> over(String parameter, List<T> values, Function<T, Experiment> experiments) {
        return new Sweep<>(parameter, values, experiments);
    }

    public Result run() {
        Map<String, History> histories = new LinkedHashMap<>();
        StringColumn value = StringColumn.create(parameter);
        IntColumn steps = IntColumn.create(SUMMARY_COLUMNS.get(0));
        IntColumn mem = IntColumn.create(SUMMARY_COLUMNS.get(1));
        IntColumn grok = IntColumn.create(SUMMARY_COLUMNS.get(2));
        DoubleColumn trainAcc = DoubleColumn.create(SUMMARY_COLUMNS.get(3));
        DoubleColumn testAcc = DoubleColumn.create(SUMMARY_COLUMNS.get(4));
        DoubleColumn seconds = DoubleColumn.create(SUMMARY_COLUMNS.get(5));
        for (T v : values) {
            try (Run run = experiments.apply(v).run()) {
                GrokkingTimes times = run.grokking();
                histories.put(String.valueOf(v), run.history());
                value.append(String.valueOf(v));
                steps.append((int) run.steps());
                appendStep(mem, times.memorizationStep());
                appendStep(grok, times.grokkingStep());
                trainAcc.append(run.history().last("train_acc"));
                testAcc.append(run.history().last("test_acc"));
                seconds.append(run.seconds());
            }
        }
        Table summary = Table.create("sweep over " + parameter, value, steps, mem, grok, trainAcc, testAcc, seconds);
        return new Result(summary, histories);
    }

    private static void appendStep(IntColumn column, long step) {
        if (step < 0) {
            column.appendMissing();
        } else {
            column.append((int) step);
        }
    }

    /** Summary table (one row per value; a step never reached is missing) and histories by value. */
    public record Result(Table summary, Map<String, History> histories) {

        public Result {
            histories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(histories));
        }

        /** The values in sweep order. */
        public List<String> values() {
            return new ArrayList<>(histories.keySet());
        }
    }
}

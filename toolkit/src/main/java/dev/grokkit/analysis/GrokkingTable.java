package dev.grokkit.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One row per run of a sweep over training fractions: fraction, seed, training-set size N,
 * memorization step t_mem and grokking step t_grok, missing when the run did not memorize or
 * grok within its budget (censored).
 */
public final class GrokkingTable {

    private final Table table = Table.create("runs", DoubleColumn.create("fraction"), IntColumn.create("seed"),
            IntColumn.create("N"), IntColumn.create("t_mem"), IntColumn.create("t_grok"));

    /** Adds a run's row; returns this table. */
    public GrokkingTable add(double fraction, long seed, int n, GrokkingTimes times) {
        table.doubleColumn("fraction").append(fraction);
        table.intColumn("seed").append((int) seed);
        table.intColumn("N").append(n);
        append(table.intColumn("t_mem"), times.memorized(), times.memorizationStep());
        append(table.intColumn("t_grok"), times.grokked(), times.grokkingStep());
        return this;
    }

    /** The rows so far (the live table). */
    public Table table() {
        return table;
    }

    /** N of every run. */
    public double[] sizes() {
        return table.intColumn("N").asDoubleArray();
    }

    /** t_grok of every run, NaN when censored. */
    public double[] grokkingSteps() {
        return table.intColumn("t_grok").asDoubleArray();
    }

    private static void append(IntColumn column, boolean present, long step) {
        if (present) {
            column.append((int) step);
        } else {
            column.appendMissing();
        }
    }
}

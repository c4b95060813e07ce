package dev.grokkit.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Columns of runs over seeds, reduced to their mean and spread at each step: for every step at
 * which some run measured the first column, "step", then for each column c "c" (the mean over the
 * runs that measured it there) and "c:sd" (their sample standard deviation, n - 1; NaN from
 * fewer than two). Missing and NaN values are left out.
 */
public final class SeedSpread {

    private SeedSpread() {}

    /** The spread table of {@code columns} over {@code runs} (each with a "step" column). */
    public static Table of(List<? extends Table> runs, String... columns) {
        if (runs.isEmpty() || columns.length == 0) {
            throw new IllegalArgumentException("a seed spread needs at least one run and one column");
        }
        TreeMap<Integer, List<double[]>> byStep = new TreeMap<>();
        for (Table run : runs) {
            for (String c : columns) {
                if (!run.containsColumn(c)) {
                    throw new IllegalArgumentException("run '" + run.name() + "' has no column '" + c + "'");
                }
            }
            var steps = run.numberColumn("step");
            for (int i = 0; i < run.rowCount(); i++) {
                double[] row = new double[columns.length];
                for (int j = 0; j < columns.length; j++) {
                    row[j] = run.numberColumn(columns[j]).getDouble(i);
                }
                byStep.computeIfAbsent((int) steps.getDouble(i), s -> new ArrayList<>()).add(row);
            }
        }
        Table out = Table.create("mean and sd over " + runs.size() + " runs", IntColumn.create("step"));
        for (String c : columns) {
            out.addColumns(DoubleColumn.create(c), DoubleColumn.create(c + ":sd"));
        }
        for (Map.Entry<Integer, List<double[]>> e : byStep.entrySet()) {
            if (Double.isNaN(meanAndSd(e.getValue(), 0)[0])) {
                continue; // no run measured the first column here
            }
            out.intColumn("step").append(e.getKey());
            for (int j = 0; j < columns.length; j++) {
                double[] ms = meanAndSd(e.getValue(), j);
                out.doubleColumn(columns[j]).append(ms[0]);
                out.doubleColumn(columns[j] + ":sd").append(ms[1]);
            }
        }
        return out;
    }

    /** Mean and sample standard deviation of entry j of the rows. */
    private static double[] meanAndSd(List<double[]> rows, int j) {
        return meanAndSd(rows.stream().mapToDouble(r -> r[j]).toArray());
    }

    /**
     * The mean and the sample standard deviation (n - 1) of the values, NaN values left out: NaN
     * mean from none, NaN sd from fewer than two.
     */
    public static double[] meanAndSd(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1))};
    }
}

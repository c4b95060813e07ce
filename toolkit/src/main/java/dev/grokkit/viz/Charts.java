package dev.grokkit.viz;

import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Line charts from tables (histories): one run's columns, or one column across runs. */
public final class Charts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private Charts() {}

    /** Columns {@code ys} of a table against column {@code x}, one line each. */
    public static LineChart lines(Table table, String x, String... ys) {
        if (ys.length == 0) {
            throw new IllegalArgumentException("name at least one column to plot against '" + x + "'");
        }
        LineChart chart = new LineChart(WIDTH, HEIGHT);
        chart.setTitle(table.name());
        chart.setXAxisTitle(x);
        double[] xs = numbers(table, x);
        for (String y : ys) {
            chart.line(y, xs, numbers(table, y));
        }
        return chart;
    }

    /**
     * Column {@code y} against {@code x} for several tables (runs), one line per key, labelled by the key's
     * text (a sweep's points, say).
     */
    public static LineChart overlay(Map<?, ? extends Table> runs, String x, String y) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("overlay needs at least one table");
        }
        LineChart chart = new LineChart(WIDTH, HEIGHT);
        chart.setTitle(y);
        chart.setXAxisTitle(x);
        chart.setYAxisTitle(y);
        runs.forEach((key, table) -> chart.line(String.valueOf(key), numbers(table, x), numbers(table, y)));
        return chart;
    }

    static double[] numbers(Table table, String column) {
        if (!table.containsColumn(column)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + column
                    + "'; columns: " + table.columnNames());
        }
        if (!(table.column(column) instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + column + "' of '" + table.name() + "' is not numeric");
        }
        return numeric.asDoubleArray();
    }
}

package dev.grokkit.spark;

import dev.grokkit.train.History;
import dev.grokkit.train.Sweep;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * All histories of a sweep as one table, one row per logged step of each run: first the point's
 * columns (a record point gives one column per component, typed by it; any other point one text
 * column named after the sweep's parameter), then the history's columns.
 */
public final class SweepRows {

    private SweepRows() {}

    /** The rows of every finished run of {@code result}, in sweep order. */
    public static <T> Table of(Sweep.Result<T> result) {
        String parameter = result.summary().column(0).name();
        Table rows = null;
        for (T point : result.points()) {
            History history = result.history(point);
            Table run = Table.create("runs of the sweep over " + parameter);
            pointValues(parameter, point).forEach((name, value) -> run.addColumns(repeated(name, value,
                    history.rowCount())));
            for (Column<?> c : history.columns()) {
                if (run.containsColumn(c.name())) {
                    throw new IllegalArgumentException("the point's column '" + c.name() + "' clashes with a"
                            + " history column; history columns: " + history.columnNames());
                }
                run.addColumns(c.copy());
            }
            if (rows != null && !rows.columnNames().equals(run.columnNames())) {
                throw new IllegalArgumentException("the run of " + point + " has the columns " + run.columnNames()
                        + ", the runs before it " + rows.columnNames() + "; one table needs the same columns");
            }
            rows = rows == null ? run : rows.append(run);
        }
        return rows;
    }

    private static Map<String, Object> pointValues(String parameter, Object point) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!point.getClass().isRecord()) {
            values.put(parameter, String.valueOf(point));
            return values;
        }
        for (RecordComponent c : point.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                values.put(c.getName(), c.getAccessor().invoke(point));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of the point " + point, e);
            }
        }
        return values;
    }

    /** A column of {@code n} copies of {@code value}: numbers and booleans keep their type, anything else is text. */
    private static Column<?> repeated(String name, Object value, int n) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            int[] v = new int[n];
            Arrays.fill(v, ((Number) value).intValue());
            return IntColumn.create(name, v);
        }
        if (value instanceof Long l) {
            long[] v = new long[n];
            Arrays.fill(v, l);
            return LongColumn.create(name, v);
        }
        if (value instanceof Double || value instanceof Float) {
            double[] v = new double[n];
            Arrays.fill(v, ((Number) value).doubleValue());
            return DoubleColumn.create(name, v);
        }
        if (value instanceof Boolean b) {
            boolean[] v = new boolean[n];
            Arrays.fill(v, b);
            return BooleanColumn.create(name, v);
        }
        String[] v = new String[n];
        Arrays.fill(v, String.valueOf(value));
        return StringColumn.create(name, v);
    }
}

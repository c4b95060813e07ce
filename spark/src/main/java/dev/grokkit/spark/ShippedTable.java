package dev.grokkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as plain serializable data (its name, and per column the name, type and
 * values, a missing value as null), so a Spark task can send one back to the driver, where
 * {@link #toTable()} rebuilds it with the same columns, types and values.
 */
record ShippedTable(String name, List<String> columnNames, List<String> columnTypes, List<Object[]> columnValues)
        implements Serializable {

    static ShippedTable of(Table table) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            names.add(c.name());
            types.add(c.type().name());
            Object[] cells = new Object[c.size()];
            for (int i = 0; i < c.size(); i++) {
                cells[i] = c.isMissing(i) ? null : c.get(i);
            }
            values.add(cells);
        }
        return new ShippedTable(table.name(), names, types, values);
    }

    @SuppressWarnings("unchecked")
    Table toTable() {
        Table table = Table.create(name);
        for (int j = 0; j < columnNames.size(); j++) {
            Column<Object> column = (Column<Object>) ColumnType.valueOf(columnTypes.get(j)).create(columnNames.get(j));
            for (Object cell : columnValues.get(j)) {
                if (cell == null) {
                    column.appendMissing();
                } else {
                    column.append(cell);
                }
            }
            table.addColumns(column);
        }
        return table;
    }
}

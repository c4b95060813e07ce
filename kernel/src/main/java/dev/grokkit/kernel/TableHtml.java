package dev.grokkit.kernel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A Tablesaw table as a notebook shows it: an HTML table (or aligned text) with the first and
 * last rows when it is longer than the row cap, and a caption with its name and size.
 */
final class TableHtml {

    private TableHtml() {}

    static String html(Table table, int maxRows) {
        StringBuilder sb = new StringBuilder("<div class=\"grokkit-table\"><table><caption>")
                .append(escape(caption(table))).append("</caption><thead><tr>");
        for (String name : table.columnNames()) {
            sb.append("<th>").append(escape(name)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int row : shownRows(table.rowCount(), maxRows)) {
            sb.append("<tr>");
            if (row < 0) {
                sb.append("<td colspan=\"").append(table.columnCount()).append("\">&hellip;</td>");
            } else {
                for (int c = 0; c < table.columnCount(); c++) {
                    sb.append("<td>").append(escape(cell(table, row, c))).append("</td>");
                }
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table></div>").toString();
    }

    static String text(Table table, int maxRows) {
        List<String[]> rows = new ArrayList<>();
        rows.add(table.columnNames().toArray(String[]::new));
        for (int row : shownRows(table.rowCount(), maxRows)) {
            String[] cells = new String[table.columnCount()];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = row < 0 ? "..." : cell(table, row, c);
            }
            rows.add(cells);
        }
        int[] widths = new int[table.columnCount()];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder(caption(table));
        for (String[] r : rows) {
            sb.append('\n');
            for (int c = 0; c < r.length; c++) {
                sb.append(c == 0 ? "" : "  ").append(" ".repeat(widths[c] - r[c].length())).append(r[c]);
            }
        }
        return sb.toString();
    }

    /** A cell's text; floating-point numbers to 5 significant digits, missing values empty. */
    static String cell(Table table, int row, int column) {
        if (table.column(column) instanceof DoubleColumn doubles) {
            double v = doubles.getDouble(row);
            if (Double.isNaN(v)) {
                return "";
            }
            if (Double.isInfinite(v) || v == 0) {
                return Double.toString(v).replace(".0", "");
            }
            return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toString();
        }
        return table.getString(row, column);
    }

    private static String caption(Table table) {
        return table.name() + " (" + table.rowCount() + " rows x " + table.columnCount() + " columns)";
    }

    /** Row indices to show, with -1 where rows are left out: all rows, or the first and last halves of the cap. */
    static int[] shownRows(int rowCount, int maxRows) {
        if (rowCount <= maxRows) {
            return java.util.stream.IntStream.range(0, rowCount).toArray();
        }
        int head = (maxRows + 1) / 2;
        int tail = maxRows - head;
        int[] rows = new int[maxRows + 1];
        for (int i = 0; i < head; i++) {
            rows[i] = i;
        }
        rows[head] = -1;
        for (int i = 0; i < tail; i++) {
            rows[head + 1 + i] = rowCount - tail + i;
        }
        return rows;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

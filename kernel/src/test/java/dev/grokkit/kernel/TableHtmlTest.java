package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Tables show at most the row cap (head and tail around an ellipsis), numbers to 5 digits, text escaped. */
class TableHtmlTest {

    @Test
    void longTablesShowHeadAndTail() {
        assertArrayEquals(new int[] {0, 1, 2}, TableHtml.shownRows(3, 4));
        assertArrayEquals(new int[] {0, 1, -1, 8, 9}, TableHtml.shownRows(10, 4));
        assertArrayEquals(new int[] {0, 1, 2, -1, 8, 9}, TableHtml.shownRows(10, 5));
    }

    @Test
    void numbersAreRoundedAndMissingValuesEmpty() {
        Table t = Table.create("t<1>", DoubleColumn.create("x", new double[] {0.036395147313691506, Double.NaN, 1, 123456.7}));
        assertEquals("0.036395", TableHtml.cell(t, 0, 0));
        assertEquals("", TableHtml.cell(t, 1, 0));
        assertEquals("1", TableHtml.cell(t, 2, 0));
        assertEquals("1.2346E+5", TableHtml.cell(t, 3, 0));
        String html = TableHtml.html(t, 20);
        assertTrue(html.contains("t&lt;1&gt; (4 rows x 1 columns)"), html);
    }
}

package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact comparison of histories: the same columns, steps and values, bit for bit. */
final class Histories {

    private Histories() {}

    static void assertBitIdentical(History expected, History actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertArrayEquals(expected.steps(), actual.steps(), "steps");
        for (String column : expected.valueColumnNames()) {
            double[] e = expected.values(column);
            double[] a = actual.values(column);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]),
                        column + " at step " + expected.steps()[i] + ": " + e[i] + " vs " + a[i]);
            }
        }
    }
}

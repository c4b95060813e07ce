package dev.grokkit.spark;

import dev.grokkit.train.History;

/** Comparison of histories value by value, bits and all. */
final class Histories {

    private Histories() {}

    /** Same columns, steps, and every value with the same bits (NaN for a missing value). */
    static boolean bitEqual(History a, History b) {
        if (!a.columnNames().equals(b.columnNames()) || !java.util.Arrays.equals(a.steps(), b.steps())) {
            return false;
        }
        for (String c : a.valueColumnNames()) {
            double[] x = a.values(c);
            double[] y = b.values(c);
            for (int i = 0; i < x.length; i++) {
                if (Double.doubleToLongBits(x[i]) != Double.doubleToLongBits(y[i])) {
                    return false;
                }
            }
        }
        return true;
    }
}

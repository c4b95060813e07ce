package dev.grokkit.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Constructed histories for the analysis tests. */
final class AccuracyHistories {

    private AccuracyHistories() {}

    /** train_acc and test_acc logged at steps 0, 100, 200, ... */
    static Table every100(double[] train, double[] test) {
        int[] steps = new int[train.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 100 * i;
        }
        return Table.create("h", IntColumn.create("step", steps), DoubleColumn.create("train_acc", train),
                DoubleColumn.create("test_acc", test));
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class DriftAndWalkTest {

    /**
     * Steps 0..2000 by 10; memorized at 100, grokked at 1000 (or never); ||w - w_0|| = 0.5 t up to
     * t_mem; ||w - w_mem|| = 3 sqrt(t - t_mem) after; train loss 0.02 at t_mem and 0.01 after.
     */
    private static Table history(boolean groks) {
        int rows = 201;
        int[] step = new int[rows];
        double[] train = new double[rows];
        double[] test = new double[rows];
        double[] loss = new double[rows];
        double[] fromInit = new double[rows];
        double[] fromMem = new double[rows];
        for (int i = 0; i < rows; i++) {
            int t = 10 * i;
            step[i] = t;
            train[i] = t >= 100 ? 1 : 0;
            test[i] = groks && t >= 1000 ? 1 : 0.1;
            loss[i] = t == 100 ? 0.02 : t > 100 ? 0.01 : 1;
            fromInit[i] = t <= 100 ? 0.5 * t : 50 + t;
            fromMem[i] = t >= 100 ? 3 * Math.sqrt(t - 100) : Double.NaN;
        }
        return Table.create("h", IntColumn.create("step", step), DoubleColumn.create("train_acc", train),
                DoubleColumn.create("test_acc", test), DoubleColumn.create("train_loss", loss),
                DoubleColumn.create("distance_from_init", fromInit), DoubleColumn.create("distance_from_mem", fromMem));
    }

    @Test
    void aDriftThenARandomWalkGiveExponentsOneAndOneHalf() {
        for (boolean groks : new boolean[] {true, false}) {
            DriftAndWalk d = DriftAndWalk.of(history(groks)).orElseThrow();
            assertEquals(1, d.driftExponent(), 1e-12);
            assertEquals(0.5, d.walkExponent(), 1e-12);
            assertEquals(0.02, d.lossAtMemorization(), 0);
            assertEquals(0.01, d.medianLossInWalk(), 0);
        }
    }

    @Test
    void aRunThatNeverMemorizedHasNoExponents() {
        Table h = history(true);
        h.replaceColumn("train_acc", DoubleColumn.create("train_acc", new double[h.rowCount()]));
        assertTrue(DriftAndWalk.of(h).isEmpty());
    }
}

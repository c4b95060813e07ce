package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class InformationPhasesTest {

    private static final double N = Double.NaN;
    private static final InformationPhases PHASES = new InformationPhases(0.99, 0.8);

    /**
     * Steps 0..1000 by 100; train acc reaches 0.99 at 200, test acc 0.8 at 600. The MI is measured
     * at 0, 200, 300, 600 and 1000 only: I(X;T) = 3, 2, ., 4, 3 + late; I(T;Y) = 1.5, 1, ., 2, 2,
     * every value shifted by {@code shift} (a seed's offset, which cancels in changes) except the
     * last I(X;T), which is 3 + late.
     */
    private static Table run(double shift, double late) {
        return run(shift, late, 0);
    }

    /** The same with both MI values at step 200 moved by {@code early} (a seed's own change over [0, t_mem]). */
    private static Table run(double shift, double late, double early) {
        int[] steps = new int[11];
        Arrays.setAll(steps, i -> 100 * i);
        double[] train = {0.1, 0.5, 0.99, 1, 1, 1, 1, 1, 1, 1, 1};
        double[] test = {0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9};
        double[] ixt = {3, N, 2, N, N, N, 4, N, N, N, 3 + late};
        double[] ity = {1.5, N, 1, N, N, N, 2, N, N, N, 2};
        for (int i = 0; i < 10; i++) {
            ixt[i] += shift;
            ity[i] += shift;
        }
        ixt[2] += early;
        ity[2] += early;
        ity[10] += shift;
        return Table.create("run", IntColumn.create("step", steps), DoubleColumn.create("train_acc", train),
                DoubleColumn.create("test_acc", test), DoubleColumn.create("ixt:h:test", ixt),
                DoubleColumn.create("ity:h:test", ity));
    }

    @Test
    void windowsComeFromAccuracy() {
        assertEquals(new InformationPhases.Windows(200, 600, 1000), PHASES.windows(run(0, 0)));
        // never generalized: the ERM window runs to the end
        assertEquals(new InformationPhases.Windows(200, 1000, 1000), new InformationPhases(0.99, 0.95).windows(run(0, 0)));
    }

    @Test
    void changesAreReadAtTheNearestMeasuredSteps() {
        Table r = run(0, 0);
        assertEquals(2, GrokkingTimes.valueNear(r, "ixt:h:test", 290)); // 200 is nearer than 600
        assertEquals(4, GrokkingTimes.valueNear(r, "ixt:h:test", 500));
        assertEquals(-1, InformationPhases.change(r, "ixt:h:test", 0, 200));
        assertEquals(1, InformationPhases.change(r, "ity:h:test", 200, 600));
    }

    @Test
    void clearTrendsOverSeedsDecideEveryClaim() {
        List<Table> runs = List.of(run(0, -0.1, 0.1), run(0.3, 0, 0), run(-0.2, 0.1, -0.1));
        List<Claim> claims = PHASES.claims(runs, "h", "test");
        assertEquals(Verdict.HOLDS, claims.get(0).verdict(), claims.get(0).toString()); // both fall over [0, 200]
        assertEquals(-0.5, claims.get(0).estimate(), 1e-12);
        assertEquals(Verdict.HOLDS, claims.get(1).verdict(), claims.get(1).toString()); // both rise over [200, 600]
        assertEquals(1, claims.get(1).estimate(), 1e-12);
        assertEquals(Verdict.HOLDS, claims.get(2).verdict(), claims.get(2).toString()); // I(X;T) 4 -> 3 + late
        assertEquals(Verdict.DOES_NOT_HOLD, claims.get(3).verdict(), claims.get(3).toString()); // MI rose with test acc
        assertEquals("MI falls while test accuracy grows (h, test subset)", claims.get(3).statement());
    }

    @Test
    void changesOfBothSignsOverSeedsLeaveTheClaimUndecided() {
        List<Table> runs = List.of(run(0, -2), run(0, 0.5), run(0, 1.4)); // late I(X;T) change -3, -0.5, +0.4
        assertEquals(Verdict.UNDECIDED, PHASES.claims(runs, "h", "test").get(2).verdict());
    }

    @Test
    void runsWithNanEstimatesAreLeftOutAndTooFewLeaveTheClaimUndecided() {
        Table broken = run(0, 0);
        broken.doubleColumn("ixt:h:test").setMissing(0); // no I(X;T) at step 0: the nearest is step 200
        Table silent = run(0, 0);
        for (int i = 0; i < silent.rowCount(); i++) {
            silent.doubleColumn("ixt:h:test").setMissing(i); // never measured
        }
        List<Table> runs = List.of(run(0, -0.1), run(0.3, 0), run(-0.2, 0.1), silent);
        Claim compression = PHASES.claims(runs, "h", "test").get(2);
        assertEquals(Verdict.HOLDS, compression.verdict());
        assertEquals("1 of 4 runs left out (NaN estimates)", compression.note());
        Claim undecided = PHASES.claims(List.of(run(0, 0), silent, silent), "h", "test").get(2);
        assertEquals(Verdict.UNDECIDED, undecided.verdict());
        assertEquals(Double.NaN, undecided.estimate());
        assertEquals(0, InformationPhases.change(broken, "ixt:h:test", 0, 200)); // both read at step 200
    }
}

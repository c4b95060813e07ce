package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.linalg.SymmetricEigen;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class EntropyGapBoundCheckTest {

    @Test
    void builtMatricesHaveTheRequestedSpectrum() {
        double[] l = {1, 7, 3, 3, 100};
        double[] found = SymmetricEigen.values(EntropyGapBoundCheck.withSpectrum(l, new Random(3)));
        Arrays.sort(found);
        double[] sorted = l.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, found, 1e-9);
    }

    @Test
    void nothingExceedsTheExactMaximumAndThePaperBoundFailsWhereKOneIsNotExtremal() {
        Table t = EntropyGapBoundCheck.run(3, 0);
        assertEquals(12, t.rowCount());
        for (Row r : t) {
            assertEquals(0, r.getInt("over exact max"));
            // the two-valued spectra include the extremal k, so the exact maximum is reached
            assertEquals(r.getDouble("exact max"), r.getDouble("max gap found"), 1e-8);
            if (r.getInt("k at max") > 1) {
                assertTrue(r.getInt("over paper bound") > 0, "n " + r.getInt("n") + " kappa " + r.getDouble("kappa"));
            }
        }
    }
}

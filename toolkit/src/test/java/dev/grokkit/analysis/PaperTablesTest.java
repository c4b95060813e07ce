package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PaperTablesTest {

    private static Table reference() {
        return Table.create("ref", StringColumn.create("quantity", "gap", "gap"),
                StringColumn.create("model", "ResNet18", "ViT"), StringColumn.create("optimizer", "SGD", "SGD"),
                DoubleColumn.create("pct0", 0.5, 0.4), DoubleColumn.create("pct100", 0.6, 0.3));
    }

    private static Table history(double at0, double at10) {
        return Table.create("h", DoubleColumn.create("step", 0, 5, 10), DoubleColumn.create("q", at0, Double.NaN, at10));
    }

    @Test
    void meanAndSampleSdOverSeedsBesideThePaperRow() {
        PaperTables tables = PaperTables.of(reference()).alias("ResNet", "ResNet18");
        Table t = tables.beside("T", "gap", Map.of("ResNet (SGD)", List.of(history(1, 2), history(3, 4), history(5, 9))),
                "q", 10, new double[] {0, 1});
        assertEquals(3, t.rowCount());
        assertEquals(3, t.doubleColumn("0 %").get(0), 1e-12); // mean of 1, 3, 5
        assertEquals(2, t.doubleColumn("0 %").get(1), 1e-12); // sample sd of 1, 3, 5
        assertEquals(5, t.doubleColumn("100 %").get(0), 1e-12); // mean of 2, 4, 9
        assertEquals(0.5, t.doubleColumn("0 %").get(2), 0);
        assertEquals(0.6, t.doubleColumn("100 %").get(2), 0);
    }

    @Test
    void scaleAppliesPerConfigurationAndMissingPaperValuesAreNaN() {
        PaperTables tables = PaperTables.of(reference());
        Table t = tables.beside("T", "gap", Map.of("ViT (SGD)", List.of(history(1, 2), history(1, 2), history(1, 2))),
                "q", 10, new double[] {0.5, 1}, c -> c.startsWith("ViT") ? 10 : 1);
        assertEquals(20, t.doubleColumn("100 %").get(0), 1e-12);
        assertEquals(0, t.doubleColumn("100 %").get(1), 1e-12);
        assertEquals(0.3, t.doubleColumn("100 %").get(2), 0);
        assertTrue(Double.isNaN(t.doubleColumn("50 %").getDouble(2))); // the paper has no pct50 here
        assertTrue(Double.isNaN(tables.paper("gap", "ViT (Adam)", 0)));
    }

    @Test
    void theBundledEntropyGapTablesHoldThePapersNumbers() {
        PaperTables paper = PaperTables.entropyGap();
        assertEquals(0.57, paper.paper("entropy_gap", "ResNet (SGD)", 1), 0); // Table 4, ResNet18 (SGD), 100 %
        assertEquals(87.21, paper.paper("test_accuracy_percent", "ViT (Adam)", 1), 0); // Table 1
        assertEquals(0.18, paper.paper("block_entropy_deviation", "ResNet (Adam)", 0.01), 0); // Table 5, 1 %
    }
}

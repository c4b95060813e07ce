package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShippedTableTest {

    @Test
    void aTableSurvivesSerializationWithItsTypesAndMissingValues() throws Exception {
        IntColumn steps = IntColumn.create("grokking_step");
        steps.append(300);
        steps.appendMissing();
        Table table = Table.create("sweep over point", StringColumn.create("point", "a", "b"), steps,
                DoubleColumn.create("final_test_acc", 0.1 + 0.2, Double.MIN_VALUE));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ShippedTable.of(table));
        }
        Table back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = ((ShippedTable) in.readObject()).toTable();
        }
        assertEquals(table.name(), back.name());
        assertEquals(table.structure().toString(), back.structure().toString());
        assertEquals(300, back.intColumn("grokking_step").getInt(0));
        assertTrue(back.intColumn("grokking_step").isMissing(1));
        assertEquals(Double.doubleToLongBits(0.1 + 0.2),
                Double.doubleToLongBits(back.doubleColumn("final_test_acc").getDouble(0)));
        assertEquals(Double.MIN_VALUE, back.doubleColumn("final_test_acc").getDouble(1));
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrokkingTableTest {

    @Test
    void aCensoredRunHasMissingTimesAndNaNSteps() {
        GrokkingTimes times = new GrokkingTimes(0.99, 300, 2_500);
        GrokkingTable t = new GrokkingTable().add(0.5, 1, 480, times).add(0.3, 2, 288, new GrokkingTimes(0.99, 200, -1));
        assertEquals(2, t.table().rowCount());
        assertArrayEquals(new double[] {480, 288}, t.sizes());
        assertEquals(2_500, t.grokkingSteps()[0]);
        assertTrue(Double.isNaN(t.grokkingSteps()[1]));
        assertEquals(300, t.table().intColumn("t_mem").getInt(0));
        assertEquals(2, t.table().intColumn("seed").getInt(1));
    }
}

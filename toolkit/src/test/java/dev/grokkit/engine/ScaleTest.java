package dev.grokkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void theThreeNamesParseAndUnsetMeansTeaching() {
        assertEquals(Scale.SMOKE, Scale.parse("smoke"));
        assertEquals(Scale.TEACHING, Scale.parse("teaching"));
        assertEquals(Scale.PAPER, Scale.parse(" paper\n"));
        assertEquals(Scale.TEACHING, Scale.parse(null));
        assertEquals(Scale.TEACHING, Scale.parse(""));
        assertEquals("paper", Scale.PAPER.toString());
    }

    @Test
    void anythingElseIsRefusedNamingTheVariableAndValue() {
        for (String bad : new String[] {"Smoke", "full", "teach", "1"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Scale.parse(bad));
            assertTrue(e.getMessage().contains("GROKKIT_SCALE") && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
    }

    @Test
    void pickGivesTheValueOfTheScale() {
        int smoke = Scale.SMOKE.pick(100, 3_000, 10_000);
        long teaching = Scale.TEACHING.pick(100L, 3_000L, 10_000L);
        assertEquals(100, smoke);
        assertEquals(3_000L, teaching);
        assertEquals("big", Scale.PAPER.pick("small", "medium", "big"));
        assertTrue(Scale.SMOKE.isSmoke() && !Scale.SMOKE.isPaper() && Scale.PAPER.isPaper());
    }
}

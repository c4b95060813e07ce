package dev.grokkit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class GrokkitTest {

    @Test
    void engineIsPyTorchOfflineWithPassiveWaiting() {
        Engine engine = Grokkit.engine();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("PASSIVE", Grokkit.waitPolicy());
    }

    @Test
    void sameSeedSameDraws() {
        try (NDManager m = Grokkit.engine().newBaseManager()) {
            Grokkit.seed(7);
            float[] a = m.randomNormal(new ai.djl.ndarray.types.Shape(5)).toFloatArray();
            Grokkit.seed(7);
            float[] b = m.randomNormal(new ai.djl.ndarray.types.Shape(5)).toFloatArray();
            assertArrayEquals(a, b);
            NDArray c = m.randomNormal(new ai.djl.ndarray.types.Shape(5));
            assertEquals(5, c.size());
        }
    }

    @Test
    void waitingIsPassiveOnlyWhenNothingSpins() {
        assertTrue(Grokkit.waitsPassively("PASSIVE", null));
        assertTrue(Grokkit.waitsPassively(" passive ", "0"));
        assertFalse(Grokkit.waitsPassively("PASSIVE", "1000"), "GOMP_SPINCOUNT makes libgomp spin first");
        assertFalse(Grokkit.waitsPassively("ACTIVE", null));
        assertFalse(Grokkit.waitsPassively(null, "1000"));
        assertTrue(Grokkit.waitsPassively() || System.getenv("OMP_WAIT_POLICY") != null || System.getenv("GOMP_SPINCOUNT") != null,
                "the engine's default is passive");
    }
}

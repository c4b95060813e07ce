package dev.grokkit.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine accepts the libtorch its C++ symbols were written for, and names the mismatch otherwise. */
class LibTorchTest {

    @Test
    void theLoadedLibtorchIsTheOneTheSymbolsName() {
        String loaded = Grokkit.engine().getVersion();
        assertTrue(loaded.startsWith(LibTorch.VERSION), loaded);
        assertDoesNotThrow(() -> LibTorch.checkVersion(loaded));
    }

    @Test
    void anotherVersionIsRefusedWithBothNamed() {
        for (String other : new String[] {"2.5.1", "2.7.10", "2.8.0", "", null}) {
            String message = assertThrows(IllegalStateException.class, () -> LibTorch.checkVersion(other)).getMessage();
            assertTrue(message.startsWith("grokkit needs libtorch 2.7.1 but the PyTorch engine loaded " + other + ":"),
                    message);
        }
        assertDoesNotThrow(() -> LibTorch.checkVersion("2.7.1"));
    }
}

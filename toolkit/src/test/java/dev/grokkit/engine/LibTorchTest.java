package dev.grokkit.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.sun.jna.Memory;
import java.lang.reflect.Field;
import java.util.Map;
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

    /**
     * A fused Adam call frees its native argument block before it returns. Left to the garbage
     * collector (as it was), hundreds of steps' blocks stayed allocated between collections, and
     * glibc placed them in the space an ensemble step's large temporaries had freed, so that the
     * next step's could not reuse it: the resident set of 16 stacked x+y mod 59 members rose by
     * gigabytes within seconds. JNA's registry of allocated blocks counts them.
     */
    @Test
    void fusedAdamLeavesNoNativeArgumentBlockBehind() throws Exception {
        Field registry = Memory.class.getDeclaredField("allocatedMemory");
        registry.setAccessible(true);
        Map<?, ?> allocated = (Map<?, ?>) registry.get(null);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray weight = manager.ones(new Shape(4, 3), DataType.FLOAT32);
            NDArray grad = manager.full(new Shape(4, 3), 0.5f);
            NDArray m = manager.zeros(new Shape(4, 3), DataType.FLOAT32);
            NDArray v = manager.zeros(new Shape(4, 3), DataType.FLOAT32);
            NDArray step = manager.full(new Shape(), 1f);
            Autograd.notRecording(() -> {
                LibTorch.fusedAdam(weight, grad, m, v, step, 1e-3, 0.9, 0.98, 1.0, 1e-8, true);
                return null;
            });
            int before = allocated.size();
            Autograd.notRecording(() -> {
                for (int i = 0; i < 500; i++) {
                    LibTorch.fusedAdam(weight, grad, m, v, step, 1e-3, 0.9, 0.98, 1.0, 1e-8, true);
                }
                return null;
            });
            assertEquals(0, Math.max(0, allocated.size() - before), "argument blocks left allocated by 500 calls");
        }
    }

    /**
     * A tensor's version counts its in-place writes (also through a view, which shares the
     * counter), and nothing else: reads and out-of-place operators leave it.
     */
    @Test
    void theVersionCountsInPlaceWrites() {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray a = manager.ones(new Shape(4, 3), DataType.FLOAT64);
            long start = LibTorch.version(a);
            a.add(1).close();
            a.sum().getDouble();
            assertEquals(start, LibTorch.version(a));
            a.muli(2);
            assertEquals(start + 1, LibTorch.version(a));
            a.get("1:3").addi(1);
            assertEquals(start + 2, LibTorch.version(a));
            a.set(new ai.djl.ndarray.index.NDIndex(":"), manager.zeros(new Shape(4, 3), DataType.FLOAT64));
            assertTrue(LibTorch.version(a) > start + 2, "set(NDIndex, array) is an in-place operator");
            long before = LibTorch.version(a);
            a.set(manager.ones(new Shape(4, 3), DataType.FLOAT64).toByteBuffer()); // GrokModel.setParameters' write
            assertTrue(LibTorch.version(a) > before, "DJL's set(Buffer) copies with libtorch's copy_");
        }
    }
}

package dev.grokkit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libtorch operators that DJL's JNI layer does not expose (in-place detach, the fused Adam
 * kernels), called through JNA on the libtorch_cpu.so DJL has already loaded.
 *
 * <p>Callers pass C++ arguments by the x86-64 System V rules: an {@code at::Tensor} is one
 * pointer (its TensorImpl, see {@link #tensor}), an {@code ArrayRef<Tensor>} a (pointer, length)
 * pair of longs. A C++ exception thrown inside such a call cannot cross the JNA frame and ends
 * the process, so callers check every precondition the operator checks before calling it.
 */
public final class LibTorch {

    private static final String LIBRARY = "libtorch_cpu.so";
    private static NativeLibrary library;

    private LibTorch() {}

    /** The function with this (mangled C++) symbol in libtorch_cpu.so. */
    public static Function function(String symbol) {
        return library().getFunction(symbol);
    }

    /**
     * The {@code at::Tensor} value of a DJL array: DJL's handle points to a heap-allocated
     * at::Tensor, whose only field is the TensorImpl pointer. The value is borrowed (no reference
     * count taken), valid while the array is open.
     */
    public static long tensor(NDArray array) {
        return new Pointer(((PtNDArray) array).getHandle()).getLong(0);
    }

    /* libtorch is already loaded by DJL; its path is read from this process's memory map. */
    private static synchronized NativeLibrary library() {
        if (library == null) {
            Grokkit.engine();
            try {
                String path = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                        .filter(line -> line.endsWith("/" + LIBRARY))
                        .map(line -> line.substring(line.indexOf('/')))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(LIBRARY + " is not loaded by the engine"));
                library = NativeLibrary.getInstance(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /proc/self/maps to locate " + LIBRARY, e);
            }
        }
        return library;
    }
}

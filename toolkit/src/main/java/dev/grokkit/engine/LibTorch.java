package dev.grokkit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libtorch operators that DJL's JNI layer does not expose (in-place detach, a tensor's version
 * counter, the fused Adam kernels), called through JNA on the libtorch_cpu.so DJL has already loaded. The toolkit's only
 * JNA calls into libtorch are here.
 *
 * <p>Arguments are passed by the x86-64 System V rules: an {@code at::Tensor} is one pointer (its
 * TensorImpl, see {@link #tensor}), an {@code ArrayRef<Tensor>} a (pointer, length) pair of
 * longs. The symbols are C++-mangled names of libtorch {@value #VERSION}'s operators, so the
 * engine refuses another libtorch when it loads ({@link #checkVersion}). A C++ exception thrown
 * inside such a call cannot cross the JNA frame and ends the process, so callers check every
 * precondition the operator checks before calling it.
 */
public final class LibTorch {

    /** The libtorch whose operator signatures the symbols below name. */
    public static final String VERSION = "2.7.1";

    private static final String LIBRARY = "libtorch_cpu.so";
    /* at::_ops::detach_::call(at::Tensor&) */
    private static final String DETACH_IN_PLACE = "_ZN2at4_ops7detach_4callERNS_6TensorE";
    /* at::TensorBase::_version() const */
    private static final String VERSION_OF = "_ZNK2at10TensorBase8_versionEv";
    /* at::native::is_inference(const at::Tensor&) */
    private static final String IS_INFERENCE = "_ZN2at6native12is_inferenceERKNS_6TensorE";
    /* at::_ops::_fused_adam[w]_::call(TensorList params, grads, exp_avgs, exp_avg_sqs,
     * max_exp_avg_sqs, state_steps, double lr, beta1, beta2, weight_decay, eps, bool amsgrad,
     * bool maximize, const optional<Tensor>& grad_scale, const optional<Tensor>& found_inf) */
    private static final String ADAM = "_ZN2at4_ops12_fused_adam_4callEN3c108ArrayRefINS_6TensorEEES5_S5_S5_S5_S5_dddddbbRKSt8optionalIS4_ES9_";
    private static final String ADAMW = "_ZN2at4_ops13_fused_adamw_4callEN3c108ArrayRefINS_6TensorEEES5_S5_S5_S5_S5_dddddbbRKSt8optionalIS4_ES9_";

    private static NativeLibrary library;
    private static final Map<String, Function> FUNCTIONS = new ConcurrentHashMap<>();

    private LibTorch() {}

    /**
     * Refuses a libtorch other than {@value #VERSION} (as the engine reports it, e.g. "2.7.1"): the
     * mangled symbols name that version's operator signatures, and a call through a changed one
     * would corrupt memory instead of failing.
     */
    static void checkVersion(String loaded) {
        if (loaded == null || !(loaded.equals(VERSION) || loaded.startsWith(VERSION + "-")
                || loaded.startsWith(VERSION + "+"))) {
            throw new IllegalStateException("grokkit needs libtorch " + VERSION + " but the PyTorch engine loaded "
                    + loaded + ": grokkit calls libtorch " + VERSION + "'s operators by their C++ symbols, which"
                    + " another version may lack or define differently. Put ai.djl.pytorch:pytorch-native-cpu:"
                    + VERSION + " on the class path and unset PYTORCH_VERSION and PYTORCH_LIBRARY_PATH.");
        }
    }

    /**
     * Detaches the tensor in place from the graph that made it (libtorch's detach_, which DJL
     * does not expose): drops its grad_fn, as a gradient made with create_graph needs to free
     * its graph.
     */
    public static void detachInPlace(NDArray array) {
        // detach_ takes an at::Tensor&: the address of the at::Tensor DJL's handle points to
        function(DETACH_IN_PLACE).invoke(Pointer.class, new Object[] {new Pointer(((PtNDArray) array).getHandle())});
    }

    /**
     * The tensor's version: libtorch's count of in-place writes to it (shared with its views),
     * bumped by every in-place operator (an optimizer's update; DJL's {@code set}, which copies
     * with copy_). Writes that bypass the operators go uncounted: straight into its memory, and
     * also batch_norm's update of its running statistics (measured: a training forward pass
     * leaves their version at 0). Inference tensors keep no version (libtorch would throw, which
     * ends the process here), so they are refused.
     */
    public static long version(NDArray array) {
        // both take the address of the at::Tensor DJL's handle points to (this, or const Tensor&);
        // a C++ bool comes back in the low byte of the return register
        Object[] tensor = {new Pointer(((PtNDArray) array).getHandle())};
        if ((function(IS_INFERENCE).invokeInt(tensor) & 0xff) != 0) {
            throw new IllegalArgumentException("an inference tensor has no version counter: " + array.getShape());
        }
        return function(VERSION_OF).invokeLong(tensor);
    }

    /**
     * libtorch's fused CPU Adam ({@code decoupled} false) or AdamW step on one parameter: updates
     * {@code weight}, {@code m} and {@code v} in place from {@code grad}, with the update number
     * read from the one-element float tensor {@code step}. The caller has checked that all four
     * are dense CPU arrays of one floating type and shape, and runs it outside recording.
     */
    public static void fusedAdam(NDArray weight, NDArray grad, NDArray m, NDArray v, NDArray step, double lr,
            double beta1, double beta2, double weightDecay, double epsilon, boolean decoupled) {
        // four one-element tensor lists (params, grads, exp_avgs, exp_avg_sqs), the step's, then
        // an empty std::optional<Tensor> (TensorImpl pointer, engaged flag) for both grad_scale
        // and found_inf; freed on return, not left to the garbage collector (a small block kept
        // alive for hundreds of steps fragments the heap that large temporaries reuse)
        try (Memory lists = new Memory(7 * Long.BYTES)) {
            lists.clear();
            NDArray[] tensors = {weight, grad, m, v, step};
            for (int i = 0; i < tensors.length; i++) {
                lists.setLong((long) i * Long.BYTES, tensor(tensors[i]));
            }
            Pointer none = lists.share(5L * Long.BYTES);
            Object[] args = {
                lists.share(0), 1L, lists.share(8), 1L, lists.share(16), 1L, lists.share(24), 1L,
                Pointer.NULL, 0L, lists.share(32), 1L,
                lr, beta1, beta2, weightDecay, epsilon, false, false, none, none};
            function(decoupled ? ADAMW : ADAM).invoke(Void.class, args);
        }
    }

    /** The function with this (mangled C++) symbol in libtorch_cpu.so. */
    private static Function function(String symbol) {
        return FUNCTIONS.computeIfAbsent(symbol, s -> library().getFunction(s));
    }

    /**
     * The {@code at::Tensor} value of a DJL array: DJL's handle points to a heap-allocated
     * at::Tensor, whose only field is the TensorImpl pointer. The value is borrowed (no reference
     * count taken), valid while the array is open.
     */
    private static long tensor(NDArray array) {
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

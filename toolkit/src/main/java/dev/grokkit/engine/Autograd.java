package dev.grokkit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Records a computation and backpropagates it, on this thread only. DJL's GradientCollector
 * allows one collector per process (a static flag), which would serialize the runs of a
 * parallel sweep; libtorch's grad mode is per thread, so this sets it for the calling thread,
 * exactly as the collector does otherwise, and only for the duration of a call: every mode set
 * here is restored when the call returns. The toolkit reaches libtorch's autograd only through
 * this class.
 */
public final class Autograd {

    private Autograd() {}

    /**
     * Builds the scalar {@code loss} with recording on, then adds d loss / d w into the gradient
     * of every array that requires one. Returns the loss (in the caller's manager or scope).
     */
    public static NDArray backward(Supplier<NDArray> loss) {
        return recording(() -> {
            NDArray value = loss.get();
            if (value.getShape().size() != 1) {
                throw new IllegalArgumentException("backward needs a scalar loss, got shape " + value.getShape());
            }
            try (NDArray seed = value.getManager().ones(value.getShape(), value.getDataType())) {
                JniUtils.backward((PtNDArray) value, (PtNDArray) seed, false, false);
            }
            return value;
        });
    }

    /**
     * Backward of the scalar {@code value} with create_graph: adds dL/dw into every gradient as a
     * recorded function of w (so a second backward through it differentiates again, as a
     * Hessian-vector product does), and keeps the graph. Call it while recording; the gradients
     * then hold a graph that refers back to the parameters until {@link LibTorch#detachInPlace}.
     */
    public static void backwardCreatingGraph(NDArray value) {
        backward(value, true, true);
    }

    /**
     * Backward of the scalar {@code value} keeping its graph (libtorch's retain_graph): adds
     * d value / dw into every gradient, not recorded, and leaves the graph's saved tensors in
     * place, so a further backward may run through the same graph (as every Hessian-vector
     * product does through one gradient made by {@link #backwardCreatingGraph}). Call it while
     * recording.
     */
    public static void backwardKeepingGraph(NDArray value) {
        backward(value, true, false);
    }

    private static void backward(NDArray value, boolean keepGraph, boolean createGraph) {
        if (value.getShape().size() != 1) {
            throw new IllegalArgumentException("backward needs a scalar, got shape " + value.getShape());
        }
        try (NDArray seed = value.getManager().ones(value.getShape(), value.getDataType())) {
            JniUtils.backward((PtNDArray) value, (PtNDArray) seed, keepGraph, createGraph);
        }
    }

    /** Sets the gradient of {@code parameter} to zeros in place (no-op without one). */
    public static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    /** Whether this thread records operations for backward now. */
    public static boolean isRecording() {
        if (!engineLoaded) { // the native library, loaded by the engine (checked without a lock once loaded)
            Grokkit.engine();
            engineLoaded = true;
        }
        return JniUtils.isGradMode();
    }

    private static volatile boolean engineLoaded;

    /**
     * Runs {@code body} with recording on for this thread only (what DJL's GradientCollector does
     * for the whole process), e.g. a double backward that calls libtorch's backward itself.
     */
    public static <T> T recording(Supplier<T> body) {
        return withGradMode(true, body);
    }

    /**
     * Runs {@code body} with recording off for this thread, whatever the thread's mode: in-place
     * changes of parameters (initial scaling, optimizer updates) are refused while recording, and
     * libtorch starts every new thread recording.
     */
    public static <T> T notRecording(Supplier<T> body) {
        return withGradMode(false, body);
    }

    private static <T> T withGradMode(boolean on, Supplier<T> body) {
        boolean before = isRecording();
        JniUtils.setGradMode(on);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}

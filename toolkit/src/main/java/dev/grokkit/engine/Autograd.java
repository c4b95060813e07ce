package dev.grokkit.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Records a computation and backpropagates it, on this thread only. DJL's GradientCollector
 * allows one collector per process (a static flag), which would serialize the runs of a
 * parallel sweep; libtorch's grad mode is per thread, so this sets it for the calling thread,
 * exactly as the collector does otherwise.
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
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }
}

package dev.grokkit.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import dev.grokkit.engine.LibTorch;

/**
 * Resetting parameter gradients that carry an autograd graph. A backward pass with
 * create_graph stores in each parameter's .grad a tensor whose grad_fn reaches back to the
 * parameter: a reference cycle libtorch never frees (its documented create_graph leak). DJL's
 * zeroGrad only zeroes the values, so the graph would survive. Here the gradient tensor is
 * detached in place (libtorch's {@code at::_ops::detach_::call}, reached through JNA because DJL
 * does not expose it), which drops grad_fn and breaks the cycle, and then zeroed.
 */
final class GraphGradients {

    private static final String DETACH_IN_PLACE = "_ZN2at4_ops7detach_4callERNS_6TensorE";
    private static Function detachInPlace;

    private GraphGradients() {}

    /** Detaches the parameter's gradient from its graph and zeroes it (no-op without a gradient). */
    static void reset(NDArray parameter) {
        if (!parameter.hasGradient()) {
            return;
        }
        PtNDArray grad = (PtNDArray) parameter.getGradient();
        try {
            detachFunction().invoke(Pointer.class, new Object[] {new Pointer(grad.getHandle())});
        } finally {
            grad.close();
        }
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    private static synchronized Function detachFunction() {
        if (detachInPlace == null) {
            detachInPlace = LibTorch.function(DETACH_IN_PLACE);
        }
        return detachInPlace;
    }
}

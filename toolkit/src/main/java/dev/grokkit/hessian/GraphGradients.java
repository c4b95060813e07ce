package dev.grokkit.hessian;

import ai.djl.ndarray.NDArray;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.LibTorch;

/**
 * Resetting parameter gradients that carry an autograd graph. A backward pass with
 * create_graph stores in each parameter's .grad a tensor whose grad_fn reaches back to the
 * parameter: a reference cycle libtorch never frees (its documented create_graph leak). DJL's
 * zeroGrad only zeroes the values, so the graph would survive. Here the gradient tensor is
 * detached in place ({@link LibTorch#detachInPlace}, libtorch's detach_, which DJL does not
 * expose), which drops grad_fn and breaks the cycle, and then zeroed.
 */
final class GraphGradients {

    private GraphGradients() {}

    /** Detaches the parameter's gradient from its graph and zeroes it (no-op without a gradient). */
    static void reset(NDArray parameter) {
        if (!parameter.hasGradient()) {
            return;
        }
        try (NDArray grad = parameter.getGradient()) {
            LibTorch.detachInPlace(grad);
        }
        Autograd.zeroGradient(parameter);
    }
}

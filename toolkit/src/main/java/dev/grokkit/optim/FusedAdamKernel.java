package dev.grokkit.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.LibTorch;

/**
 * libtorch's fused CPU Adam/AdamW kernels ({@code at::_fused_adam_} / {@code _fused_adamw_}, what
 * {@code torch.optim.AdamW(fused=True)} runs): one vectorized pass that reads w, g, m, v and
 * writes w, m, v, element by element
 *
 * <pre>
 *   AdamW: w = w - lr wd w      Adam: g = g + wd w
 *   m = b1 m + (1 - b1) g
 *   v = b2 v + (1 - b2) g^2
 *   w = w - (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 *
 * <p>Why: DJL's own fused update is a dozen unfused libtorch operations with six temporaries the
 * size of the weight; on an Omnigrok MLP step it took as long as the forward and backward passes
 * together. The operator is reached through JNA ({@link LibTorch}), so every check libtorch
 * would make is made here first: dense CPU arrays of one floating type and one shape. The kernel
 * walks the arrays as contiguous memory, which model parameters, their gradients (libtorch lays
 * out a parameter's gradient like the parameter) and the optimizer's zeros-like slots all are.
 */
final class FusedAdamKernel {

    private FusedAdamKernel() {}

    /**
     * Updates {@code weight}, {@code m} and {@code v} in place for update number {@code t}
     * (1-based); {@code decoupled} selects AdamW's decay over Adam's L2 term.
     */
    static void update(NDArray weight, NDArray grad, NDArray m, NDArray v, int t, double lr, Betas betas,
            double epsilon, double weightDecay, boolean decoupled) {
        for (NDArray a : new NDArray[] {grad, m, v}) {
            if (a.getDataType() != weight.getDataType() || !a.getShape().equals(weight.getShape())
                    || !a.getDevice().equals(Device.cpu())) {
                throw new IllegalArgumentException("fused Adam needs CPU arrays of the weight's type and shape "
                        + weight.getDataType() + " " + weight.getShape() + ", got " + a.getDataType() + " "
                        + a.getShape() + " on " + a.getDevice());
            }
        }
        if (!weight.getDevice().equals(Device.cpu()) || !weight.getDataType().isFloating()) {
            throw new IllegalArgumentException("fused Adam needs floating CPU weights, got " + weight.getDataType()
                    + " on " + weight.getDevice());
        }
        // the kernel reads the update number from a tensor, as torch.optim keeps it
        try (NDArray step = weight.getManager().full(new Shape(), t, DataType.FLOAT32)) {
            // an in-place update of leaves that require gradients is only allowed outside recording
            Autograd.notRecording(() -> {
                LibTorch.fusedAdam(weight, grad, m, v, step, lr, betas.beta1(), betas.beta2(), weightDecay, epsilon,
                        decoupled);
                return null;
            });
        }
    }
}

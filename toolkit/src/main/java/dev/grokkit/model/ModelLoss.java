package dev.grokkit.model;

import ai.djl.ndarray.NDArray;

/**
 * A training objective that needs more of the model than its logits: layer activations (matrix
 * information regularizers) or extra forward passes (group-law penalties). The training step calls
 * {@link #compute(GrokModel, NDArray, NDArray, boolean)}; {@link Loss#compute(NDArray, NDArray)}
 * stays the plain data term, which is what histories report as train_loss and test_loss.
 */
public interface ModelLoss extends Loss {

    /** The full objective on a batch (inputs x, labels y) as a scalar, differentiable in the parameters. */
    NDArray compute(GrokModel model, NDArray x, NDArray y, boolean training);
}

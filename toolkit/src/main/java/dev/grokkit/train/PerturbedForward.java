package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.StagedBlock;

/**
 * The forward pass of perturbed training ({@link InputNoise}): logits of x + e with e ~ N(0, s^2 I)
 * for feature inputs; for token inputs, which cannot be perturbed, the noise is added to the
 * output of the first stage (the embedding) and the remaining stages run on it. The noise comes
 * from the engine's generator seeded with {@code seed}, so it is a function of the step alone.
 */
final class PerturbedForward {

    private PerturbedForward() {}

    /** Logits under input noise of standard deviation {@code std}; the plain forward pass when it is 0. */
    static NDArray logits(GrokModel model, NDArray x, double std, long seed, boolean training) {
        if (std == 0) {
            return model.forward(x, training);
        }
        if (x.getDataType().isFloating()) {
            return model.forward(x.add(noise(x, std, seed)), training);
        }
        StagedBlock block = model.block();
        int stages = block.stageNames().size();
        NDArray embedded = block.forwardStages(model.parameterStore(), x, 0, 1, training);
        return block.forwardStages(model.parameterStore(), embedded.add(noise(embedded, std, seed)), 1, stages,
                training);
    }

    /** N(0, std^2) entries shaped and typed like {@code like}, from the engine generator seeded with seed. */
    static NDArray noise(NDArray like, double std, long seed) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("std: must be finite and >= 0, was " + std);
        }
        return Grokkit.seeded(seed,
                () -> like.getManager().randomNormal(like.getShape(), like.getDataType()).mul(std));
    }
}

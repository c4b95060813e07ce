package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.ModelLoss;
import dev.grokkit.model.NamedParameter;
import dev.grokkit.optim.GrokOptimizer;
import java.util.List;

/**
 * One optimizer update: forward in training mode, loss (a {@link ModelLoss} runs its own
 * forward passes), backward, update every trainable parameter in place, zero its gradient. Its
 * temporaries are closed when it returns. The training loop and the benchmark both run exactly
 * this. Runs on the calling thread alone, so the runs of a parallel sweep can step at the same
 * time, and leaves that thread's recording mode as it found it.
 */
public final class TrainingStep {

    private final GrokModel model;
    private final GrokOptimizer optimizer;
    private final Loss loss;
    private final List<NamedParameter> parameters;

    public TrainingStep(GrokModel model, GrokOptimizer optimizer, Loss loss) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.parameters = model.trainableParameters();
    }

    /**
     * Updates the model on the batch (inputs {@code x}, labels {@code y}); the update draws any
     * random numbers it needs (SGLD's noise) from the engine generator seeded with {@code seed}.
     */
    public void run(NDArray x, NDArray y, long seed) {
        run(x, y, seed, 0);
    }

    /**
     * The same update with the inputs (for token inputs the embeddings) perturbed by
     * N(0, noiseStd^2 I) in the forward pass ({@link InputNoise}); the noise comes from the
     * generator seeded with a mix of seed ({@link #noiseSeed}), so the optimizer's own draws are those of unperturbed training.
     */
    public void run(NDArray x, NDArray y, long seed, double noiseStd) {
        if (noiseStd != 0 && loss instanceof ModelLoss) {
            throw new IllegalArgumentException("noiseStd: perturbed training needs a plain loss, not the model loss "
                    + loss.name());
        }
        try (NDScope scope = new NDScope()) {
            Autograd.backward(() -> loss instanceof ModelLoss m ? m.compute(model, x, y, true)
                    : loss.compute(PerturbedForward.logits(model, x, noiseStd, noiseSeed(seed), true), y));
            // in-place updates of parameters are refused while recording: they run outside it,
            // whatever the calling thread's mode, which is left as it was
            Autograd.notRecording(() -> Grokkit.seeded(seed, () -> {
                for (NamedParameter p : parameters) {
                    NDArray w = p.array();
                    optimizer.update(p.name(), w, w.getGradient());
                    Autograd.zeroGradient(w);
                }
                return null;
            }));
        }
    }

    /* Another generator seed than the update's (a golden-ratio multiply), so input noise and SGLD noise differ. */
    static long noiseSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }
}

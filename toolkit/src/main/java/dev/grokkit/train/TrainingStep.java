package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
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
 * time.
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
        JniUtils.setGradMode(false); // per thread: only Autograd.backward records, updates run outside it
    }

    /**
     * Updates the model on the batch (inputs {@code x}, labels {@code y}); the update draws any
     * random numbers it needs (SGLD's noise) from the engine generator seeded with {@code seed}.
     */
    public void run(NDArray x, NDArray y, long seed) {
        try (NDScope scope = new NDScope()) {
            Autograd.backward(() -> loss instanceof ModelLoss m ? m.compute(model, x, y, true)
                    : loss.compute(model.forward(x, true), y));
            Grokkit.seeded(seed, () -> {
                for (NamedParameter p : parameters) {
                    NDArray w = p.array();
                    optimizer.update(p.name(), w, w.getGradient());
                    JniUtils.zeroGrad((PtNDArray) w);
                }
                return null;
            });
        }
    }
}

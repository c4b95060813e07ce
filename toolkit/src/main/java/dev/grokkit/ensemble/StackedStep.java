package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.grokkit.engine.Autograd;
import dev.grokkit.model.Loss;
import dev.grokkit.optim.GrokOptimizer;
import java.util.Map;

/**
 * One optimizer update of every member at once: the stacked forward pass, the loss as the sum
 * of each member's loss on its own logits and labels (so the gradient of member k's slice is
 * the gradient of its loss alone), backward, and the optimizer's update of every stacked
 * parameter. Exact because the optimizer is elementwise (an {@link Ensemble} takes no other): on a
 * stacked tensor it updates every slice as it would that member's tensor alone. Temporaries are
 * closed when it returns.
 */
public final class StackedStep {

    private final StackedModel model;
    private final GrokOptimizer optimizer;
    private final Loss loss;

    /** {@code loss} is every member's ({@link Loss#computeStacked}); {@code optimizer} holds the stacked state. */
    public StackedStep(StackedModel model, GrokOptimizer optimizer, Loss loss) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
    }

    /** Updates every member on its batch: inputs {@code x} K x n x ..., labels {@code y} K x n. */
    public void run(NDArray x, NDArray y) {
        try (NDScope scope = new NDScope()) {
            Autograd.backward(() -> loss.computeStacked(model.forward(x), y).sum());
            Autograd.notRecording(() -> {
                for (Map.Entry<String, NDArray> p : model.parameters().entrySet()) {
                    NDArray w = p.getValue();
                    optimizer.update(p.getKey(), w, w.getGradient());
                    Autograd.zeroGradient(w);
                }
                return null;
            });
        }
    }
}

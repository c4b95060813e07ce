package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.optim.OptimizerSpec;
import java.util.List;

/**
 * Members trained as one computation: their parameters, optimizer states and training batches
 * stacked along a new axis 0 (copies, in one manager), and the {@link StackedStep} that updates
 * them all. Member k of the stack is slice k of each.
 */
public final class MemberStack {

    private final StackedModel model;
    private final GrokOptimizer optimizer;
    private final StackedStep step;
    private final NDArray x;
    private final NDArray y;

    /**
     * Stacks the members' models, their optimizers' states (which must have made the same updates)
     * and their batches (inputs {@code x}, labels {@code y}, one per member) into {@code manager};
     * the stacked optimizer is built from {@code optimizer}.
     */
    public MemberStack(List<GrokModel> models, List<GrokOptimizer> optimizers, List<NDArray> x, List<NDArray> y,
            OptimizerSpec optimizer, Loss loss, NDManager manager) {
        model = StackedModel.stack(models, manager);
        this.x = stacked(x, manager);
        this.y = stacked(y, manager);
        this.optimizer = optimizer.build();
        StackedOptimizerState.stack(optimizers, this.optimizer);
        step = new StackedStep(model, this.optimizer, loss);
    }

    /** One update of every member on its batch. */
    public void step() {
        step.run(x, y);
    }

    StackedModel model() {
        return model;
    }

    GrokOptimizer optimizer() {
        return optimizer;
    }

    private static NDArray stacked(List<NDArray> parts, NDManager manager) {
        NDArray stacked = NDArrays.stack(new NDList(parts));
        stacked.attach(manager);
        return stacked;
    }
}

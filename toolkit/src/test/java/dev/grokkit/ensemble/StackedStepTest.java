package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stacked step and the copy into member models leave no arrays behind, however many steps. */
class StackedStepTest {

    @Test
    void stepsAndCopiesLeaveNoArraysBehind() {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            List<GrokModel> models = new ArrayList<>();
            NDList x = new NDList();
            NDList y = new NDList();
            for (long seed : EnsembleTest.SEEDS) {
                Experiment e = EnsembleTest.modAdd(seed, Optimizers.adamW()).build();
                models.add(Grokkit.seeded(seed, () -> e.model().build(e.data().train(), e.dtype(), manager)));
                x.add(e.data().train().inputs(manager, e.dtype()));
                y.add(e.data().train().labelArray(manager));
            }
            StackedModel stacked = StackedModel.stack(models, manager);
            StackedStep step = new StackedStep(stacked, Optimizers.adamW().build(), Losses.crossEntropy());
            NDArray inputs = NDArrays.stack(x);
            NDArray labels = NDArrays.stack(y);
            step.run(inputs, labels); // creates the optimizer's slots
            stacked.copyInto(0, models.get(0));
            int arrays = manager.getManagedArrays().size();
            for (int t = 0; t < 20; t++) {
                step.run(inputs, labels);
                stacked.copyInto(t % models.size(), models.get(t % models.size()));
            }
            assertEquals(arrays, manager.getManagedArrays().size());
        }
    }
}

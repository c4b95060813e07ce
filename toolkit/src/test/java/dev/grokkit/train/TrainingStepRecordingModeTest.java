package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Dataset;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Training leaves the calling thread's recording mode as it found it (in a notebook that thread
 * is the kernel's cell thread, whose later cells would otherwise silently stop recording): a
 * TrainingStep's constructor and its updates, and a whole run, in a recording thread and in a
 * non-recording one, and the step still updates the model in either.
 */
class TrainingStepRecordingModeTest {

    private static final Dataset DATA = TinyTasks.blobs(40, 0);

    @Test
    void aStepLeavesTheThreadsModeAsItWas() {
        for (boolean mode : new boolean[] {true, false}) {
            Supplier<boolean[]> steps = () -> {
                try (NDManager manager = Grokkit.engine().newBaseManager()) {
                    GrokModel model = Models.mlp().hidden(8).build(DATA.train(), DataType.FLOAT32, manager);
                    TrainingStep step = new TrainingStep(model, Optimizers.adamW().build(), Losses.crossEntropy());
                    boolean afterConstruction = Autograd.isRecording();
                    NDArray x = DATA.train().inputs(manager, DataType.FLOAT32);
                    NDArray y = DATA.train().labelArray(manager);
                    float[] before = model.trainableParameters().get(0).array().toFloatArray();
                    step.run(x, y, 0);
                    float[] after = model.trainableParameters().get(0).array().toFloatArray();
                    assertNotEquals(before[0], after[0], "the step did not update the model");
                    return new boolean[] {afterConstruction, Autograd.isRecording()};
                }
            };
            boolean[] seen = mode ? Autograd.recording(steps) : Autograd.notRecording(steps);
            assertEquals(mode, seen[0], "recording " + mode + " before, " + seen[0] + " after the constructor");
            assertEquals(mode, seen[1], "recording " + mode + " before, " + seen[1] + " after a step");
        }
    }

    @Test
    void aRunLeavesTheThreadsModeAsItWas() {
        Experiment experiment = Experiment.builder().data(DATA).model(Models.mlp().hidden(8))
                .optimizer(Optimizers.adamW()).steps(5).fullBatch().seed(0).logEvery(5).quiet().build();
        for (boolean mode : new boolean[] {true, false}) {
            Supplier<Boolean> run = () -> {
                experiment.run().close();
                return Autograd.isRecording();
            };
            assertEquals(mode, mode ? Autograd.recording(run) : Autograd.notRecording(run));
        }
    }
}

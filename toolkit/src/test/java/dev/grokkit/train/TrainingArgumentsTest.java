package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Zero, negative and out-of-range numbers given to the training settings (intervals, batch sizes,
 * learning rates, parallelism, stop thresholds) are refused when given, naming the setting and the
 * value. (Steps: ExperimentTest; optimizer hyperparameters: OptimizerSpecTest.)
 */
class TrainingArgumentsTest {

    private static void refused(String message, Executable setting) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, setting).getMessage());
    }

    @Test
    void intervalsAndSizesMustBePositive() {
        for (int bad : new int[] {0, -1}) {
            refused("log interval must be positive, was " + bad, () -> Experiment.builder().logEvery(bad));
            refused("batch size must be positive, was " + bad, () -> Experiment.builder().batchSize(bad));
            refused("checkpoint interval must be positive, was " + bad,
                    () -> Experiment.builder().checkpoints(Path.of("c"), bad));
            refused("eval batch size must be positive, was " + bad, () -> Experiment.builder().evalBatchSize(bad));
            refused("pointsPerDecade must be positive, was " + bad, () -> LogSchedule.logSpaced(bad));
            refused("first: the number of logged steps must be positive, was " + bad, () -> LogSchedule.first(bad));
            refused("parallelism must be >= 1, was " + bad,
                    () -> Sweep.over("seed", List.of(1), s -> null).parallelism(bad));
            refused("checkpointEvery must be >= 1, was " + bad,
                    () -> Sweep.over("seed", List.of(1), s -> null).saveTo(Path.of("s"), bad));
        }
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsRefused() {
        refused("batch size 100 exceeds the 40 training examples", () -> Experiment.builder()
                .data(TinyTasks.blobs(80, 0)).model(Models.mlp()).optimizer(Optimizers.sgd().learningRate(0.1))
                .steps(1).batchSize(100).build());
    }

    @Test
    void learningRatesMustBePositive() {
        refused("learning rate must be positive and finite, was 0.0", () -> Optimizers.sgd().learningRate(0));
        refused("learning rate must be positive and finite, was -0.001", () -> Optimizers.adamW().learningRate(-1e-3));
    }

    @Test
    void stopThresholdsMustBeFractionsOrPositiveLosses() {
        refused("accuracy threshold must be in (0, 1], was 99.0", () -> Stop.testAccuracyAtLeast(99));
        refused("accuracy threshold must be in (0, 1], was 0.0", () -> Stop.trainAccuracyAtLeast(0));
        refused("accuracy threshold must be in (0, 1], was NaN", () -> Stop.trainAccuracyAtLeast(Double.NaN));
        refused("loss threshold must be positive and finite, was -1.0", () -> Stop.trainLossBelow(-1));
    }
}

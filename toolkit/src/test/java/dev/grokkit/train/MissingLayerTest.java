package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probe;
import dev.grokkit.probe.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every probe that reads a layer by name, asked for a layer the model lacks: the run fails at its
 * first row with a message naming the layer and the model's layers, and writes no checkpoint.
 */
class MissingLayerTest {

    @Test
    void probesNameTheMissingLayerAndTheRunLeavesNothingBehind(@TempDir Path dir) {
        List<Probe> probes = List.of(Probes.weightNorm("hiden1"), Probes.deadRelu("hiden1"),
                Probes.layerEntropy("hiden1"), Probes.informationPlane("hiden1"),
                Probes.perturbedInformation("hiden1", "logits", 0.1));
        for (Probe probe : probes) {
            Path checkpoints = dir.resolve(probe.name());
            Experiment experiment = Experiment.builder().data(TinyTasks.blobs(40, 0))
                    .model(Models.mlp().hidden(8)).optimizer(Optimizers.sgd().learningRate(0.1)).steps(5)
                    .probes(probe).checkpoints(checkpoints, 1).quiet().build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, experiment::run,
                    probe.name());
            assertTrue(e.getMessage().contains("'hiden1'"), probe.name() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("hidden1"), probe.name() + " lists the model's layers: " + e.getMessage());
            assertFalse(Files.exists(checkpoints), probe.name() + " left a checkpoint");
        }
    }
}

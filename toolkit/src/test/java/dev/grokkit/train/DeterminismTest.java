package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same history, bit for bit: with minibatches and SGLD's engine-drawn noise, whatever
 * the engine's generator did before the run, and across a checkpoint and resume.
 */
class DeterminismTest {

    private static Experiment.Builder noisy(long seed) {
        return Experiment.builder().data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.sgld().learningRate(0.05).temperature(1e-3)).batchSize(10).steps(60)
                .logEvery(10).seed(seed).probes(Probes.weightNorm(), Probes.gradientNorm(), Probes.logitStats())
                .quiet();
    }

    private static History history(Experiment experiment) {
        try (Run run = experiment.run()) {
            return run.history();
        }
    }

    @Test
    void sameSeedGivesTheSameHistoryBitForBit() {
        History first = history(noisy(5).build());
        try (NDManager m = Grokkit.engine().newBaseManager()) {
            m.randomNormal(new Shape(1000)); // moves the engine's global generator
        }
        Histories.assertBitIdentical(first, history(noisy(5).build()));
        assertNotEquals(first.last("weight_norm"), history(noisy(6).build()).last("weight_norm"),
                "another seed gives another run");
    }

    @Test
    void aResumedRunEqualsTheUninterruptedOneBitForBit(@TempDir Path dir) {
        History uninterrupted = history(noisy(5).build());
        try (Run firstPart = noisy(5).steps(30).checkpoints(dir, 20).build().run()) {
            assertEquals(30, firstPart.steps());
        }
        try (Run resumed = noisy(5).checkpoints(dir, 20).build().resume()) {
            Histories.assertBitIdentical(uninterrupted, resumed.history());
        }
    }
}

package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.GroupLawLoss;
import dev.grokkit.model.Models;
import dev.grokkit.model.Nonlinearity;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputNoiseTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static Experiment.Builder modAdd() {
        return Experiment.builder()
                .data(TinyTasks.modularAddition(7, 0.6, 1))
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.adamW().learningRate(3e-3).weightDecay(1.0))
                .steps(60).logEvery(20).seed(3).quiet();
    }

    @Test
    void scaleIsL1TimesTrainErrorFlooredAtL2() {
        InputNoise noise = InputNoise.degrokking(0.5, 0.05);
        double[] accuracy = {0, 0.5, 0.9, 0.95, 1};
        double[] expected = {0.5, 0.25, 0.05, 0.05, 0.05};
        for (int i = 0; i < accuracy.length; i++) {
            assertEquals(expected[i], noise.std(accuracy[i]), 1e-15, "train acc " + accuracy[i]);
        }
        assertEquals(0.5, noise.std(Double.NaN), "before any measurement the accuracy counts as 0");
        assertEquals(0.2, InputNoise.constant(0.2).std(0.3));
        assertEquals(0, InputNoise.none().std(0.3));
        assertTrue(InputNoise.none().isNone() && InputNoise.degrokking(0, 0).isNone());
    }

    @Test
    void badArgumentsAreNamed() {
        String[][] cases = {{"l1", "-1", "0"}, {"l2", "0", "NaN"}, {"l1", "Infinity", "0"}};
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InputNoise.degrokking(Double.parseDouble(c[1]), Double.parseDouble(c[2])));
            assertTrue(e.getMessage().startsWith(c[0] + ": the noise scale must be finite and >= 0"), e.getMessage());
        }
        IllegalArgumentException acc = assertThrows(IllegalArgumentException.class,
                () -> InputNoise.degrokking(1, 0).std(1.5));
        assertTrue(acc.getMessage().startsWith("trainAccuracy: must be in [0, 1]"), acc.getMessage());
        var task = ModularArithmetic.builder().modulus(7).form(ModularArithmetic.Form.PAIRS).task();
        IllegalArgumentException modelLoss = assertThrows(IllegalArgumentException.class,
                () -> modAdd().loss(GroupLawLoss.of(task).commutativity(1)).inputNoise(InputNoise.constant(0.1)).build());
        assertTrue(modelLoss.getMessage().startsWith("inputNoise: perturbed training needs a plain loss"),
                modelLoss.getMessage());
    }

    @Test
    void noiseHasStandardDeviationSAndIsAFunctionOfTheSeed() {
        NDArray like = manager.zeros(new Shape(400, 500), DataType.FLOAT64);
        double s = 0.3;
        double[] e = PerturbedForward.noise(like, s, 11).toDoubleArray();
        double mean = 0;
        for (double v : e) {
            mean += v / e.length;
        }
        double var = 0;
        for (double v : e) {
            var += (v - mean) * (v - mean) / (e.length - 1);
        }
        // 200,000 draws: the standard error of the mean is s / 447, of the standard deviation s / 632
        assertEquals(0, mean, 5 * s / 447);
        assertEquals(s, Math.sqrt(var), 5 * s / 632);
        assertArrayEquals(e, PerturbedForward.noise(like, s, 11).toDoubleArray(), "same seed, same noise");
        assertNotEquals(e[0], PerturbedForward.noise(like, s, 12).toDoubleArray()[0]);
    }

    @Test
    void tokenModelsGetTheNoiseOnTheirEmbeddings() {
        // With identity activations the logits are affine in the embedding output e:
        // f(e + n) - f(e) = n W1^T W2^T, W1 the hidden layer's and W2 the logit layer's weights.
        Dataset data = TinyTasks.modularAddition(7, 0.6, 1);
        Grokkit.seed(5);
        try (GrokModel model = Models.embeddingMlp().embeddingDim(4).hidden(6).activation(Nonlinearity.IDENTITY)
                .build(data.train(), DataType.FLOAT64, manager)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray clean = model.forward(x, false);
            NDArray perturbed = PerturbedForward.logits(model, x, 0.7, 9, false);
            NDArray n = PerturbedForward.noise(manager.zeros(new Shape(x.getShape().get(0), 8), DataType.FLOAT64), 0.7, 9);
            NDArray expected = n.matMul(model.parameter("hidden1.weight").array().transpose())
                    .matMul(model.parameter("logits.weight").array().transpose());
            assertArrayEquals(expected.toDoubleArray(), perturbed.sub(clean).toDoubleArray(), 1e-10);
            assertArrayEquals(clean.toDoubleArray(), PerturbedForward.logits(model, x, 0, 9, false).toDoubleArray(),
                    "zero noise is the plain forward pass");
        }
    }

    @Test
    void featureModelsGetTheNoiseOnTheirInputs() {
        Dataset data = TinyTasks.blobs(40, 2);
        Grokkit.seed(5);
        try (GrokModel model = Models.mlp().hidden(6).activation(Nonlinearity.IDENTITY)
                .build(data.train(), DataType.FLOAT64, manager)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray n = PerturbedForward.noise(x, 0.4, 9);
            NDArray expected = model.forward(x.add(n), false);
            assertArrayEquals(expected.toDoubleArray(), PerturbedForward.logits(model, x, 0.4, 9, false).toDoubleArray(),
                    1e-12);
        }
    }

    @Test
    void zeroNoiseTrainsExactlyAsStandardTraining() {
        try (Run standard = modAdd().build().run();
                Run zero = modAdd().inputNoise(InputNoise.degrokking(0, 0)).build().run()) {
            assertEquals(standard.history().print(), zero.history().print());
        }
    }

    @Test
    void perturbedRunLogsItsScaleAndDiffersFromStandardTraining() {
        InputNoise noise = InputNoise.degrokking(2.0, 0.1);
        Experiment perturbed = modAdd().inputNoise(noise).build();
        assertTrue(perturbed.describe().endsWith(noise.describe()), perturbed.describe());
        try (Run standard = modAdd().build().run(); Run a = perturbed.run(); Run b = perturbed.run()) {
            History h = a.history();
            double[] acc = h.values("train_acc");
            double[] s = h.values("input_noise_std");
            for (int i = 0; i < acc.length; i++) {
                assertEquals(Math.max(2.0 * (1 - acc[i]), 0.1), s[i], 1e-15, "row " + i);
            }
            assertEquals(h.print(), b.history().print(), "the noise is a function of the seed and step");
            assertNotEquals(standard.history().last("train_loss"), h.last("train_loss"));
        }
    }

    @Test
    void perturbedRunResumedFromCheckpointEqualsUninterruptedRun(@TempDir Path dir) {
        // Logged every 20 steps, the first session ends (and records a row) at step 30: its accuracy
        // must not set the noise of steps 30 .. 39, which the uninterrupted run takes from step 20.
        InputNoise noise = InputNoise.degrokking(2.0, 0.1);
        String expected;
        try (Run r = modAdd().inputNoise(noise).build().run()) {
            expected = r.history().print();
        }
        Experiment firstHalf = modAdd().inputNoise(noise).steps(30).checkpoints(dir, 10).build();
        try (Run r = firstHalf.run()) {
            assertEquals(30, r.steps());
        }
        try (Run resumed = firstHalf.withSteps(60).resume()) {
            History h = resumed.history();
            assertEquals(expected, h.where(h.intColumn("step").isNotEqualTo(30)).print());
        }
    }
}

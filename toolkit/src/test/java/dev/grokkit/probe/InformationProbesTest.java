package dev.grokkit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.ModularArithmetic.Form;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.info.Features;
import dev.grokkit.info.MatrixEntropy;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.History;
import dev.grokkit.train.Run;
import java.nio.DoubleBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InformationProbesTest {

    private static final int P = 7;
    private final ModularArithmetic task = ModularArithmetic.builder().modulus(P).form(Form.PAIRS).task();
    private final Dataset data = task.split(0.6, 1);
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private ProbeContext context(GrokModel model, Dataset d) {
        return new ProbeContext(model, Losses.crossEntropy(), d, d.train().inputs(manager, model.dtype()),
                d.train().labelArray(manager), d.test().inputs(manager, model.dtype()), d.test().labelArray(manager),
                5, 10, 1000);
    }

    private GrokModel embeddingMlp(long seed) {
        Grokkit.seed(seed);
        return Models.embeddingMlp().embeddingDim(4).hidden(16).build(data.train(), DataType.FLOAT64, manager);
    }

    /** hidden = W [e_a; e_b] + c with W = [V, V] is V (e_a + e_b) + c: f(a, b) = f(b, a) exactly. */
    private GrokModel symmetricModel() {
        GrokModel model = embeddingMlp(1);
        NDArray w = model.parameter("hidden1.weight").array();
        double[] values = w.toDoubleArray();
        for (int row = 0; row < 16; row++) {
            System.arraycopy(values, row * 8, values, row * 8 + 4, 4);
        }
        w.set(DoubleBuffer.wrap(values));
        return model;
    }

    @Test
    void abelianTestIsOneForAModelSymmetricByConstruction() {
        try (GrokModel model = symmetricModel()) {
            double[] m = Probes.abelianTest(task).measure(context(model, data));
            assertEquals(1.0, m[0], 0);
            assertEquals(0.0, m[1], 1e-12);
        }
        try (GrokModel model = embeddingMlp(2)) {
            double[] m = Probes.abelianTest(task).measure(context(model, data));
            assertTrue(m[0] < 1 && m[1] > 0.01, "an untrained model is not symmetric: " + m[0] + ", " + m[1]);
        }
    }

    /** Constant logits b: every law holds for argmax, and every cross-entropy is logsumexp(b) - mean(b). */
    @Test
    void groupLawsOfAConstantModel() {
        try (GrokModel model = embeddingMlp(3)) {
            model.parameter("logits.weight").array().set(new ai.djl.ndarray.index.NDIndex(":"), 0);
            double[] b = {0.3, -1, 2, 0, 0.5, 1, -0.2};
            model.parameter("logits.bias").array().set(DoubleBuffer.wrap(b));
            double lse = 0;
            double mean = 0;
            for (double v : b) {
                lse += Math.exp(v);
                mean += v / b.length;
            }
            double expected = Math.log(lse) - mean;
            double[] m = Probes.groupLaws(task).measure(context(model, data));
            assertEquals(expected, m[0], 1e-12);
            assertEquals(expected, m[1], 1e-12);
            assertEquals(1.0, m[2], 0);
        }
        ModularArithmetic product = ModularArithmetic.builder().modulus(P).operation(dev.grokkit.data.Operation.MULTIPLY)
                .form(Form.PAIRS).task();
        assertThrows(IllegalArgumentException.class, () -> Probes.groupLaws(product));
    }

    @Test
    void perturbedInformationAtZeroNoiseIsTheCleanMatrixInformation() {
        try (GrokModel model = embeddingMlp(4)) {
            ProbeContext ctx = context(model, data);
            double[][] in = Features.rows(ctx.activations(ProbeContext.Split.TRAIN).get("embedding"));
            double[][] out = Features.rows(ctx.activations(ProbeContext.Split.TRAIN).get("logits"));
            double[] m = Probes.perturbedInformation("embedding", "logits", 0).measure(ctx);
            assertEquals(MatrixEntropy.mutualInformation(dev.grokkit.info.GramMatrix.linear(in),
                    dev.grokkit.info.GramMatrix.linear(out), 1), m[0], 1e-9);
            assertEquals(MatrixEntropy.linearKernelEntropy(out, 1), m[1], 1e-12);
            assertEquals(0, m[2], 1e-12);
            assertEquals(0, m[3], 1e-12);
            double[] noisy = Probes.perturbedInformation("embedding", "logits", 1).measure(ctx);
            assertNotEquals(m[0], noisy[0]);
            assertEquals(Math.abs(noisy[0] - m[0]), noisy[2], 1e-9);
            assertEquals(Math.abs(noisy[1] - m[1]), noisy[3], 1e-9);
            double[] again = Probes.perturbedInformation("embedding", "logits", 1).measure(ctx);
            assertEquals(noisy[0], again[0], 0, "the noise is seeded by (seed, step)");
            // A subset: the same quantities on the chosen rows only.
            long[] rows = ExampleSubset.indices(in.length, 10, 0);
            assertEquals(10, rows.length);
            double[][] subIn = new double[10][];
            double[][] subOut = new double[10][];
            for (int i = 0; i < 10; i++) {
                subIn[i] = in[(int) rows[i]];
                subOut[i] = out[(int) rows[i]];
            }
            double[] sub = Probes.perturbedInformation("embedding", "logits", 0).maxExamples(10).measure(ctx);
            assertEquals(MatrixEntropy.linearKernelMutualInformation(subIn, subOut, 1), sub[0], 1e-12);
            assertEquals(MatrixEntropy.linearKernelEntropy(subOut, 1), sub[1], 1e-12);
            assertNotEquals(m[1], sub[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Probes.perturbedInformation("input", "logits", 1).measure(ctx));
            assertTrue(e.getMessage().startsWith("inputLayer"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> Probes.perturbedInformation("logits", "embedding", 1).measure(ctx));
            assertTrue(e.getMessage().startsWith("until"), e.getMessage());
        }
    }

    /** Running the stages from the embedding tap reproduces the transformer's own logits. */
    @Test
    void perturbedInformationThroughATransformer() {
        Dataset tokens = ModularArithmetic.builder().modulus(P).form(Form.TOKENS).trainFraction(0.6).seed(1).build();
        Grokkit.seed(6);
        try (GrokModel model = Models.transformer().layers(1).dModel(8).heads(2).dMlp(16)
                .build(tokens.train(), DataType.FLOAT64, manager)) {
            double[] m = Probes.perturbedInformation("embedding", "logits", 0).measure(context(model, tokens));
            assertEquals(0, m[2], 1e-12);
            assertEquals(0, m[3], 1e-12);
            assertTrue(m[0] > 0 && m[1] > 0, java.util.Arrays.toString(m));
            double[] noisy = Probes.perturbedInformation("block0", "logits", 0.3).measure(context(model, tokens));
            assertTrue(noisy[2] > 0, "noise on the block output changes PMI");
        }
    }

    @Test
    void probeColumnsInAModularAdditionRun() {
        Experiment e = Experiment.builder().data(data)
                .model(Models.embeddingMlp().embeddingDim(8).hidden(32))
                .optimizer(Optimizers.adamW().learningRate(1e-2).weightDecay(0.1))
                .steps(40).logEvery(20).seed(3).quiet()
                .probes(Probes.perturbedInformation("embedding", "logits", 0.5),
                        Probes.perturbedInformation("hidden1", "logits", 0.5),
                        Probes.abelianTest(task), Probes.groupLaws(task),
                        Probes.layerEntropy("hidden1"))
                .build();
        try (Run run = e.run()) {
            History h = run.history();
            assertTrue(h.columnNames().containsAll(List.of("pmi:embedding:logits:0.5", "pe:embedding:logits:0.5", "mid:embedding:logits:0.5",
                    "ed:embedding:logits:0.5", "pmi:hidden1:logits:0.5", "ed:hidden1:logits:0.5", "abelian_acc",
                    "abelian_logit_distance", "zero_identity_loss", "doubling_loss", "associativity_acc",
                    "entropy:hidden1", "cov_entropy:hidden1")), h.columnNames().toString());
            for (String c : List.of("pmi:embedding:logits:0.5", "pe:embedding:logits:0.5", "mid:embedding:logits:0.5",
                    "ed:embedding:logits:0.5", "pmi:hidden1:logits:0.5", "entropy:hidden1")) {
                for (double v : h.values(c)) {
                    assertTrue(Double.isFinite(v) && v >= 0, c + " = " + v);
                }
            }
            assertTrue(h.last("pe:embedding:logits:0.5") <= Math.log(data.train().size()) + 1e-9);
        }
    }

    /** Renyi entropies are non-increasing in the order, and each order gets its own columns. */
    @Test
    void layerEntropyOfSeveralOrders() {
        try (GrokModel model = embeddingMlp(2)) {
            ProbeContext ctx = context(model, data);
            double[][] z = Features.rows(ctx.activations(ProbeContext.Split.TRAIN).get("hidden1"));
            LayerEntropyProbe half = Probes.layerEntropy("hidden1").alpha(0.5);
            LayerEntropyProbe one = Probes.layerEntropy("hidden1");
            LayerEntropyProbe two = Probes.layerEntropy("hidden1").alpha(2);
            assertEquals(List.of("entropy:hidden1", "cov_entropy:hidden1"), one.columns());
            assertEquals(List.of("entropy:hidden1:2.0", "cov_entropy:hidden1:2.0"), two.columns());
            double[] h05 = half.measure(ctx), h1 = one.measure(ctx), h2 = two.measure(ctx);
            assertEquals(MatrixEntropy.linearKernelEntropy(z, 2), h2[0], 1e-12);
            assertEquals(MatrixEntropy.covarianceEntropy(z, 2), h2[1], 1e-12);
            for (int k = 0; k < 2; k++) {
                assertTrue(h05[k] > h1[k] && h1[k] > h2[k] && h2[k] > 0, h05[k] + " " + h1[k] + " " + h2[k]);
            }
        }
    }

    /**
     * Two well separated blobs. (The hidden ReLU layers' I(T; Y) come out above H(Y) = ln 2 here:
     * rectified units put mass on lower-dimensional faces, which k-NN entropy estimates read as
     * very low conditional entropies. A known bias, not asserted.)
     */
    @Test
    void informationPlaneOnSeparableBlobs() {
        Random r = new Random(9);
        int n = 400;
        float[] x = new float[n * 6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = (float) (r.nextGaussian() + (j == 0 ? 8 * y[i] : 0));
            }
        }
        Dataset blobs = Examples.ofFeatures(x, new Shape(6), y, 2).split("blobs", 0.5, 1);
        Grokkit.seed(5);
        try (GrokModel model = Models.mlp().hidden(32, 32).build(blobs.train(), DataType.FLOAT64, manager)) {
            InformationPlaneProbe probe = Probes.informationPlane("hidden1", "hidden2", "logits");
            assertEquals(12, probe.columns().size());
            double[] m = probe.measure(context(model, blobs));
            for (double v : m) {
                assertTrue(Double.isFinite(v), probe.columns() + " " + java.util.Arrays.toString(m));
            }
            // The logits separate the blobs even untrained: I(T; Y) = H(Y) = ln 2 on train and test.
            assertEquals(Math.log(2), m[5], 0.1);
            assertEquals(Math.log(2), m[11], 0.1);
            assertTrue(m[0] > 0.5, "I(X; T) of a layer computed from X is large: " + m[0]);
        }
    }

    /** Mean and sample standard deviation (n - 1) of a textbook sample: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5, sd sqrt(32 / 7). */
    @Test
    void repetitionsGiveTheMeanAndSampleStandardDeviation() {
        double[] sample = {2, 4, 4, 4, 5, 5, 7, 9};
        double[][] rows = new double[sample.length][];
        for (int i = 0; i < rows.length; i++) {
            // column 1 is NaN in one repetition (left out), column 2 in all but one (no sd)
            rows[i] = new double[] {sample[i], i == 3 ? Double.NaN : sample[i], i == 0 ? 1 : Double.NaN};
        }
        double[] out = InformationPlaneProbe.meansAndDeviations(rows);
        assertEquals(5, out[0], 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), out[1], 1e-12);
        assertEquals(36.0 / 7, out[2], 1e-12); // 2, 4, 4, 5, 5, 7, 9
        double mean = 36.0 / 7, squares = 0;
        for (double v : new double[] {2, 4, 4, 5, 5, 7, 9}) {
            squares += (v - mean) * (v - mean);
        }
        assertEquals(Math.sqrt(squares / 6), out[3], 1e-12);
        assertEquals(1, out[4]);
        assertTrue(Double.isNaN(out[5]));
    }

    /** repetitions(3) gives each column as the mean of the plain probe over seeds 0, 1, 2, then its sd. */
    @Test
    void repeatedInformationPlaneAggregatesThePlainProbeOverSeeds() {
        Random r = new Random(9);
        int n = 200;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) (r.nextGaussian() + (j == 0 ? 4 * y[i] : 0));
            }
        }
        Dataset blobs = Examples.ofFeatures(x, new Shape(4), y, 2).split("blobs", 0.5, 1);
        Grokkit.seed(5);
        try (GrokModel model = Models.mlp().hidden(8).build(blobs.train(), DataType.FLOAT64, manager)) {
            InformationPlaneProbe plain = Probes.informationPlane("hidden1").maxExamples(60);
            InformationPlaneProbe repeated = plain.repetitions(3).at(step -> step % 10 == 0);
            assertEquals(List.of("ixt:hidden1:train", "ixt:hidden1:train:sd", "ity:hidden1:train", "ity:hidden1:train:sd",
                    "ixt:hidden1:test", "ixt:hidden1:test:sd", "ity:hidden1:test", "ity:hidden1:test:sd"), repeated.columns());
            assertEquals("ixt:hidden1:test", repeated.ixt("hidden1", "test"));
            assertEquals("ity:hidden1:train", plain.ity("hidden1", "train"));
            assertThrows(IllegalArgumentException.class, () -> plain.ixt("hidden2", "test"));
            assertThrows(IllegalArgumentException.class, () -> plain.ity("hidden1", "validation"));
            double[][] bySeed = new double[3][];
            for (int s = 0; s < 3; s++) {
                bySeed[s] = plain.seed(s).measure(context(model, blobs));
            }
            double[] m = repeated.measure(context(model, blobs));
            assertEquals(2 * bySeed[0].length, m.length);
            for (int j = 0; j < bySeed[0].length; j++) {
                double mean = (bySeed[0][j] + bySeed[1][j] + bySeed[2][j]) / 3, squares = 0;
                for (double[] v : bySeed) {
                    squares += (v[j] - mean) * (v[j] - mean);
                }
                assertEquals(mean, m[2 * j], 1e-9, repeated.columns().get(2 * j));
                assertEquals(Math.sqrt(squares / 2), m[2 * j + 1], 1e-9, repeated.columns().get(2 * j + 1));
            }
            assertNotEquals(bySeed[0][0], bySeed[1][0], "the subsets differ by seed");
            assertTrue(repeated.seconds() > 0);
            assertTrue(repeated.runsAt(20, 95) && repeated.runsAt(95, 95) && !repeated.runsAt(21, 95));
            assertThrows(IllegalArgumentException.class, () -> plain.repetitions(0));
        }
    }
}

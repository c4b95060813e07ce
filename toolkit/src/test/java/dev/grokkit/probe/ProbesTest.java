package dev.grokkit.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.EngineException;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import dev.grokkit.model.NamedParameter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Basic probes against values computed directly from the parameters and closed-form gradients. */
class ProbesTest {

    private NDManager manager;
    private Dataset data;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
        Random r = new Random(5);
        int n = 12;
        int d = 3;
        int classes = 4;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        Examples ex = Examples.ofFeatures(x, new Shape(d), y, classes);
        data = new Dataset("random", ex, ex);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private ProbeContext context(GrokModel model) {
        return new ProbeContext(model, Losses.crossEntropy(), data,
                data.train().inputs(manager, model.dtype()), data.train().labelArray(manager),
                data.test().inputs(manager, model.dtype()), data.test().labelArray(manager), 0, 10, 5);
    }

    @Test
    void passesSharedForTheDueProbesGiveTheSameValuesDetached() {
        Grokkit.seed(2);
        try (GrokModel model = Models.mlp().hidden(5, 4).build(data.train(), DataType.FLOAT64, manager)) {
            List<Probe> probes = List.of(Probes.gradientNorm(), Probes.deadRelu("hidden1", "hidden2"),
                    Probes.logitStats());
            ProbeContext own = context(model);
            ProbeContext shared = context(model);
            shared.prepareFor(probes);
            for (ProbeContext.Split s : ProbeContext.Split.values()) {
                assertArrayEquals(own.logits(s).toDoubleArray(), shared.logits(s).toDoubleArray(), 1e-12);
                assertEquals(own.accuracy(s), shared.accuracy(s));
            }
            // what probes get from the recorded training pass carries no graph (checked before
            // the gradient's backward frees the record)
            for (NDArray handedOut : List.of(shared.logits(ProbeContext.Split.TRAIN),
                    shared.activations(ProbeContext.Split.TRAIN).get("hidden2"))) {
                assertThrows(EngineException.class, () -> Autograd.backward(() -> handedOut.sum()));
            }
            for (Probe probe : probes) {
                assertArrayEquals(probe.measure(own), probe.measure(shared), 1e-12, probe.name());
            }
            own.gradient().forEach((name, g) ->
                    assertArrayEquals(g.toDoubleArray(), shared.gradient().get(name).toDoubleArray(), 1e-12, name));
            assertThrows(IllegalStateException.class, () -> shared.prepareFor(probes));
        }
    }

    @Test
    void weightNormIsRootSumOfSquaresOfAllTensors() {
        Grokkit.seed(1);
        try (GrokModel model = Models.mlp().hidden(5).build(data.train(), DataType.FLOAT64, manager)) {
            double total = 0;
            double hidden = 0;
            for (NamedParameter p : model.trainableParameters()) {
                for (double v : p.array().toDoubleArray()) {
                    total += v * v;
                    if (p.name().startsWith("hidden1.")) {
                        hidden += v * v;
                    }
                }
            }
            double[] m = Probes.weightNorm("hidden1").measure(context(model));
            assertEquals(Math.sqrt(total), m[0], 1e-12);
            assertEquals(Math.sqrt(hidden), m[1], 1e-12);
            assertThrows(IllegalArgumentException.class,
                    () -> Probes.weightNorm("nope").measure(context(model)));
        }
    }

    /** For softmax regression z = x W^T + b the gradient is (softmax(z) - onehot(y))^T [x, 1] / n. */
    @Test
    void gradientNormMatchesClosedFormSoftmaxRegression() {
        Grokkit.seed(2);
        try (GrokModel model = Models.mlp().hidden().build(data.train(), DataType.FLOAT64, manager)) {
            double[] w = model.parameter("logits.weight").array().toDoubleArray();
            double[] b = model.parameter("logits.bias").array().toDoubleArray();
            float[] x = data.train().features();
            int n = data.train().size();
            int d = 3;
            int c = 4;
            double sumSq = 0;
            double[] gw = new double[c * d];
            double[] gb = new double[c];
            for (int i = 0; i < n; i++) {
                double[] z = new double[c];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    z[k] = b[k];
                    for (int j = 0; j < d; j++) {
                        z[k] += w[k * d + j] * x[i * d + j];
                    }
                    max = Math.max(max, z[k]);
                }
                double norm = 0;
                for (int k = 0; k < c; k++) {
                    norm += Math.exp(z[k] - max);
                }
                for (int k = 0; k < c; k++) {
                    double delta = Math.exp(z[k] - max) / norm - (data.train().label(i) == k ? 1 : 0);
                    gb[k] += delta / n;
                    for (int j = 0; j < d; j++) {
                        gw[k * d + j] += delta * x[i * d + j] / n;
                    }
                }
            }
            for (double g : gw) {
                sumSq += g * g;
            }
            for (double g : gb) {
                sumSq += g * g;
            }
            ProbeContext ctx = context(model);
            assertEquals(Math.sqrt(sumSq), Probes.gradientNorm().measure(ctx)[0], 1e-10);
            assertArrayEquals(gb, ctx.gradient().get("logits.bias").toDoubleArray(), 1e-12);
        }
    }

    @Test
    void deadReluCountsUnitsSilentOnEveryExample() {
        Grokkit.seed(3);
        try (GrokModel model = Models.mlp().hidden(4).build(data.train(), DataType.FLOAT64, manager)) {
            // Units 0 and 1: weights 0 and bias -1, so relu(-1) = 0 for every input.
            NDArray weight = model.parameter("hidden1.weight").array();
            NDArray bias = model.parameter("hidden1.bias").array();
            weight.set(new ai.djl.ndarray.index.NDIndex("0:2"), 0);
            bias.set(new ai.djl.ndarray.index.NDIndex("0:2"), -1);
            bias.set(new ai.djl.ndarray.index.NDIndex("2:4"), 100);
            assertEquals(0.5, Probes.deadRelu("hidden1").measure(context(model))[0], 1e-12);
        }
    }

    @Test
    void logitStatsOnKnownLogits() {
        Grokkit.seed(4);
        try (GrokModel model = Models.mlp().hidden().build(data.train(), DataType.FLOAT64, manager)) {
            // Zero weights, bias (1, 2, 3, 4): every example has logits (1, 2, 3, 4).
            model.parameter("logits.weight").array().set(new ai.djl.ndarray.index.NDIndex(":"), 0);
            NDArray bias = model.parameter("logits.bias").array();
            for (int k = 0; k < 4; k++) {
                bias.set(new ai.djl.ndarray.index.NDIndex(k), k + 1);
            }
            double[] m = Probes.logitStats().measure(context(model));
            assertEquals(Math.sqrt(1 + 4 + 9 + 16), m[0], 1e-12);
            assertEquals(Math.sqrt(1.25), m[1], 1e-12);
            double margin = 0;
            for (int i = 0; i < data.train().size(); i++) {
                int y = data.train().label(i);
                margin += (y + 1) - (y == 3 ? 3 : 4);
            }
            assertEquals(margin / data.train().size(), m[2], 1e-12);
            double e = Math.exp(1) + Math.exp(2) + Math.exp(3) + Math.exp(4);
            assertEquals(Math.exp(4) / e, m[3], 1e-12);
        }
    }

    @Test
    void contextEvaluatesInBatchesLikeInOnePass() {
        Grokkit.seed(5);
        try (GrokModel model = Models.mlp().hidden(6).build(data.train(), DataType.FLOAT64, manager)) {
            ProbeContext batched = context(model);
            NDArray whole = model.forward(data.train().inputs(manager, DataType.FLOAT64), false);
            assertArrayEquals(whole.toDoubleArray(), batched.logits(ProbeContext.Split.TRAIN).toDoubleArray(), 1e-12);
            assertTrue(batched.accuracy(ProbeContext.Split.TRAIN) >= 0);
        }
    }
}

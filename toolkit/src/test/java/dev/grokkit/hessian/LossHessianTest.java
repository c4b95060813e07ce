package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.Losses;
import dev.grokkit.model.NamedParameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hessians of a small float64 MLP: Hessian-vector products against PyTorch's exact Hessian
 * (committed reference), the column-built Hessian against finite differences of gradients,
 * and the stochastic estimators against the exact spectrum.
 */
class LossHessianTest {

    private final TorchReference reference = new TorchReference();
    private NDManager manager;
    private GrokModel model;
    private NDArray x;
    private NDArray y;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
        model = reference.model(manager);
        x = reference.inputs(manager);
        y = reference.labels(manager);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private LossHessian hessian(Loss loss) {
        return LossHessian.of(model, loss, x, y);
    }

    private static void assertClose(double[] expected, double[] actual, double relative) {
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(1);
        assertArrayEquals(expected, actual, relative * scale);
    }

    @Test
    void matchesPyTorchExactly() {
        for (Loss loss : new Loss[] {Losses.crossEntropy(), Losses.mse()}) {
            String key = loss.name();
            LossHessian h = hessian(loss);
            assertEquals(79, h.dimension());
            assertClose(reference.get(key + ":hv"), h.apply(reference.get("v")), 1e-12);
            DenseHessian dense = DenseHessian.of(h);
            assertEquals(reference.get(key + ":trace")[0], dense.trace(), 1e-12 * Math.abs(dense.trace()));
            assertClose(reference.get(key + ":eigenvalues"), dense.spectrum().nodes(), 1e-12);
            double[] blockTraces = h.blockNames().stream()
                    .mapToDouble(name -> DenseHessian.of(h.block(name)).trace()).toArray();
            assertClose(reference.get(key + ":block_traces"), blockTraces, 1e-12);
        }
    }

    /**
     * A Hessian of Examples (the first n) gives the products of one made from the same arrays, owns
     * its arrays while open and frees them on close; the model's arrays are untouched.
     */
    @Test
    void aHessianOfExamplesOwnsItsArraysAndFreesThemOnClose() {
        double[] xs = reference.get("x");
        float[] features = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            features[i] = (float) xs[i];
        }
        long[] labels = y.toLongArray();
        int[] classes = Arrays.stream(labels).mapToInt(l -> (int) l).toArray();
        var examples = Examples.ofFeatures(features, new Shape(TorchReference.FEATURES),
                classes, TorchReference.CLASSES);
        int n = 7;
        NDArray x7 = manager.create(features, new Shape(labels.length, TorchReference.FEATURES))
                .toType(DataType.FLOAT64, false).get("0:" + n);
        NDArray y7 = y.get("0:" + n);
        double[] v = Arrays.copyOf(reference.get("v"), 79);
        int before = model.manager().getManagedArrays().size();
        try (LossHessian fromExamples = LossHessian.of(model, Losses.crossEntropy(), examples.first(n));
                LossHessian fromArrays = LossHessian.of(model, Losses.crossEntropy(), x7, y7)) {
            assertTrue(model.manager().getManagedArrays().size() > before, "its arrays live under the model's manager");
            assertArrayEquals(fromArrays.apply(v), fromExamples.apply(v), 0);
            fromExamples.block(fromExamples.blockNames().get(0)).close(); // a block frees nothing
            assertEquals(79, fromExamples.apply(v).length);
        }
        assertEquals(before, model.manager().getManagedArrays().size());
        LossHessian fromArrays = LossHessian.of(model, Losses.crossEntropy(), x7, y7);
        double[] hv = fromArrays.apply(v);
        assertTrue(model.manager().getManagedArrays().size() > before, "its kept graph lives under the model's manager");
        fromArrays.close(); // frees the kept graph; the caller's arrays stay
        assertEquals(before, model.manager().getManagedArrays().size());
        assertEquals(n, x7.getShape().get(0));
        try (LossHessian again = LossHessian.of(model, Losses.crossEntropy(), x7, y7)) {
            assertArrayEquals(hv, again.apply(v), 0);
        }
    }

    /**
     * Products at unchanged parameters go through one kept gradient graph, and equal those of a
     * fresh Hessian (which builds its own) for several v, also for a block sharing the graph.
     * Every product resets the parameters' .grad (detach and zero), so this also shows that the
     * kept copies of g still reach their graph after that reset. The garbage collector runs
     * between products: the kept graph must hold no tensor backed by a Java buffer (such as DJL
     * makes of a Java number), whose memory the collector would free under it.
     */
    @Test
    void productsThroughTheKeptGraphEqualFreshOnes() {
        java.util.Random random = new java.util.Random(11);
        for (Loss loss : new Loss[] {Losses.crossEntropy(), Losses.mse()}) {
            try (LossHessian kept = hessian(loss)) {
                LossHessian block = kept.block("hidden2.weight");
                for (int i = 0; i < 4; i++) {
                    double[] v = ProbeVectors.gaussian(79, random);
                    double[] u = ProbeVectors.gaussian(24, random);
                    System.gc();
                    try (LossHessian fresh = hessian(loss)) {
                        assertClose(fresh.apply(v), kept.apply(v), 1e-12);
                    }
                    try (LossHessian fresh = hessian(loss)) {
                        assertClose(fresh.block("hidden2.weight").apply(u), block.apply(u), 1e-12);
                    }
                }
            }
        }
    }

    /**
     * The kept graph is rebuilt when the parameters change: after setParameters, after an
     * optimizer step and after load (which replaces the parameters' arrays), the next product is
     * the Hessian at the new parameters, a fresh Hessian's, and far from the one before. Only
     * the bias of the logits changes first: no backward saves a bias, so libtorch's own check of
     * saved tensors could not notice, and the product would be silently stale without the
     * version check (an optimizer step also changes saved weights, which libtorch refuses).
     */
    @Test
    void aProductAfterTheParametersChangedIsAtTheNewParameters(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Loss loss = Losses.crossEntropy();
        double[] v = reference.get("v");
        java.nio.file.Path initial = dir.resolve("initial.params");
        model.save(initial);
        try (LossHessian h = hessian(loss)) {
            double[] atStart = h.apply(v);
            double[] shifted = Arrays.stream(model.parameter("logits.bias").array().toDoubleArray())
                    .map(b -> b + 0.1 * b * b + 0.5).toArray();
            model.setParameters(name -> name.equals("logits.bias") ? shifted : null);
            double[] afterSet = assertFreshAndChanged(h, loss, v, atStart);
            new dev.grokkit.train.TrainingStep(model, dev.grokkit.optim.Optimizers.adamW().learningRate(0.05).build(),
                    loss).run(x, y, 0);
            assertFreshAndChanged(h, loss, v, afterSet);
            model.load(initial);
            assertClose(atStart, h.apply(v), 1e-12);
        }
    }

    /** h's next product: a fresh Hessian's at the model's parameters now, and far from {@code before}. */
    private double[] assertFreshAndChanged(LossHessian h, Loss loss, double[] v, double[] before) {
        double[] now = h.apply(v);
        try (LossHessian fresh = hessian(loss)) {
            assertClose(fresh.apply(v), now, 1e-12);
        }
        double change = 0;
        for (int i = 0; i < now.length; i++) {
            change = Math.max(change, Math.abs(now[i] - before[i]));
        }
        double scale = Arrays.stream(before).map(Math::abs).max().orElse(0);
        assertTrue(change > 1e-3 * scale, "the product moved by " + change + " only, at scale " + scale);
        return now;
    }

    /** A closed Hessian frees its graph and refuses products, and so do its blocks. */
    @Test
    void aClosedHessianRefusesProducts() {
        double[] v = reference.get("v");
        LossHessian h = hessian(Losses.mse());
        LossHessian block = h.block("logits.bias");
        h.apply(v);
        h.close();
        assertThrows(IllegalStateException.class, () -> h.apply(v));
        assertThrows(IllegalStateException.class, () -> block.apply(new double[3]));
    }

    @Test
    void float32ModelsGiveFloat32AccurateProducts() {
        GrokModel single = reference.model(manager, DataType.FLOAT32);
        NDArray x32 = x.toType(DataType.FLOAT32, false);
        double[] hv = LossHessian.of(single, Losses.crossEntropy(), x32, y).apply(reference.get("v"));
        assertClose(reference.get("cross_entropy:hv"), hv, 1e-5);
        double q = LossHessian.rademacherQuadraticForm(single, Losses.crossEntropy(), x32, y, 1);
        double exact = LossHessian.rademacherQuadraticForm(model, Losses.crossEntropy(), x, y, 1);
        assertEquals(exact, q, 1e-5 * Math.abs(exact));
    }

    @Test
    void blockIsTheDiagonalSliceOfTheFullHessian() {
        LossHessian h = hessian(Losses.crossEntropy());
        double[][] full = DenseHessian.of(h).matrix();
        assertEquals(java.util.List.of("hidden1.weight", "hidden1.bias", "hidden2.weight", "hidden2.bias",
                "logits.weight", "logits.bias"), h.blockNames());
        double[][] block = DenseHessian.of(h.block("hidden2.weight")).matrix();
        int from = 30 + 6;
        for (int i = 0; i < 24; i++) {
            assertArrayEquals(Arrays.copyOfRange(full[from + i], from, from + 24), block[i], 1e-14);
        }
        assertThrows(IllegalArgumentException.class, () -> h.block("nope"));
    }

    @Test
    void columnBuiltHessianMatchesFiniteDifferencesOfGradients() {
        Loss loss = Losses.crossEntropy();
        double[][] exact = DenseHessian.of(hessian(loss)).matrix();
        double[] e = new double[exact.length];
        for (int j = 0; j < exact.length; j++) {
            e[j] = 1;
            double[] column = ParameterVectors.gradientDifference(model, loss, x, y, e, 1e-5);
            e[j] = 0;
            for (int i = 0; i < exact.length; i++) {
                // central difference: error O(eps^2 * third derivative) + round-off 1e-16 / eps
                assertEquals(exact[i][j], column[i], 1e-8, "entry " + i + ", " + j);
            }
        }
    }

    @Test
    void stochasticEstimatorsAgreeWithTheExactSpectrum() {
        LossHessian h = hessian(Losses.mse());
        Spectrum exact = DenseHessian.of(h).spectrum();
        TraceEstimate trace = Hutchinson.withDefaults().tolerance(0).maxSamples(60).seed(3).estimate(h);
        assertEquals(exact.trace(), trace.value(), 3 * trace.standardError(), trace.toString());

        double[] byMagnitude = Arrays.stream(exact.nodes()).boxed()
                .sorted(Comparator.comparingDouble(l -> -Math.abs(l))).mapToDouble(Double::doubleValue).toArray();
        double[] top = PowerIteration.withDefaults().tolerance(1e-12).maxIterations(5000).top(h, 2).values();
        assertArrayEquals(Arrays.copyOf(byMagnitude, 2), top, 1e-6 * Math.abs(byMagnitude[0]));

        int runs = 20;
        Spectrum slq = StochasticLanczos.withDefaults().steps(79).runs(runs).spectrum(h);
        assertEquals(exact.min(), slq.min(), 1e-8);
        assertEquals(exact.max(), slq.max(), 1e-8);
        double[][] a = DenseHessian.of(h).matrix();
        for (int k = 1; k <= 2; k++) {
            assertEquals(exact.moment(k), slq.moment(k), 4 * KnownMatrices.momentStandardError(a, k, runs),
                    "moment " + k);
        }
        assertEquals(1, SpectralDensity.of(slq).integral(), 1e-3);
    }

    @Test
    void rademacherQuadraticFormIsVTransposeHv() {
        Loss loss = Losses.mse();
        double q = LossHessian.rademacherQuadraticForm(model, loss, x, y, 42);
        double[] v = ProbeVectors.rademacher(79, new java.util.Random(42));
        double[] hv = SymmetricOperator.of(DenseHessian.of(hessian(loss)).matrix()).apply(v);
        assertEquals(Vectors.dot(v, hv), q, 1e-12 * Math.abs(q));
    }

    @Test
    void productsRunOnSeveralThreadsAtOnce() throws Exception {
        // each thread its own model (as the runs of a parallel sweep); DJL's process-wide
        // gradient collector would make the second thread fail
        double[] v = ProbeVectors.rademacher(79, new java.util.Random(7));
        double[] expected = hessian(Losses.mse()).apply(v);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<double[]>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    try (NDManager own = Grokkit.engine().newBaseManager()) {
                        LossHessian h = LossHessian.of(reference.model(own), Losses.mse(), reference.inputs(own),
                                reference.labels(own));
                        start.await();
                        double[] hv = null;
                        for (int i = 0; i < 20; i++) {
                            hv = h.apply(v);
                        }
                        return hv;
                    }
                }));
            }
            start.countDown();
            for (var r : results) {
                assertArrayEquals(expected, r.get(), 1e-12);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void leavesTheModelUnchangedAndGradientsZero() {
        double[] before = parameters();
        hessian(Losses.crossEntropy()).apply(reference.get("v"));
        assertArrayEquals(before, parameters(), 0);
        for (NamedParameter p : model.trainableParameters()) {
            assertEquals(0, p.array().getGradient().abs().sum().getDouble(), 0, p.name());
        }
    }

    @Test
    void rejectsMismatchedBatches() {
        NDArray fewer = y.get("0:5");
        assertThrows(IllegalArgumentException.class, () -> LossHessian.of(model, Losses.mse(), x, fewer));
        assertThrows(IllegalArgumentException.class, () -> hessian(Losses.mse()).apply(new double[3]));
    }

    private double[] parameters() {
        return ParameterVectors.get(model);
    }
}

package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * create_graph leaves a parameter <-> gradient reference cycle that holds the whole graph
 * (activations of the batch) unless the gradients are reset, and a kept graph must be freed
 * when it is replaced or closed. 200 Hessian-vector products (v made in libtorch, so that the
 * Java heap stays still) on a 50-200-200-10 MLP with 1000 examples: each leaked graph would
 * hold several MB of float32 activations (0.8 MB per saved 1000 x 200 tensor; about 1 GB in
 * all); resident memory, which also moves with the JVM heap, must stay within 100 MB after
 * warm-up. Three ways: a fresh Hessian per product (closed after it), many products through one
 * kept graph, and a rebuild at every product because a parameter changed in between.
 */
class HessianMemoryTest {

    @Test
    void freshHessiansKeepResidentMemoryFlat() throws IOException {
        onModel((model, x, y) -> assertFlat(i -> LossHessian.rademacherQuadraticForm(model, Losses.mse(), x, y, i)));
    }

    @Test
    void productsThroughOneKeptGraphKeepResidentMemoryFlat() throws IOException {
        onModel((model, x, y) -> {
            try (LossHessian h = LossHessian.of(model, Losses.mse(), x, y)) {
                assertFlat(h::rademacherQuadraticForm);
            }
        });
    }

    @Test
    void rebuildsAfterParameterChangesKeepResidentMemoryFlat() throws IOException {
        onModel((model, x, y) -> {
            try (LossHessian h = LossHessian.of(model, Losses.mse(), x, y)) {
                assertFlat(i -> {
                    model.setParameters(name -> name.equals("logits.bias") ? new double[10] : null);
                    h.rademacherQuadraticForm(i);
                });
            }
        });
    }

    private interface Check {
        void run(GrokModel model, NDArray x, NDArray y) throws IOException;
    }

    private static void onModel(Check check) throws IOException {
        Random random = new Random(0);
        int n = 1000;
        int d = 50;
        float[] features = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(10);
        }
        Examples data = Examples.ofFeatures(features, new Shape(d), labels, 10);
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = Models.mlp().hidden(200, 200).build(data, DataType.FLOAT32, manager)) {
            check.run(model, data.inputs(manager, DataType.FLOAT32), data.labelArray(manager));
        }
    }

    /** 50 products to warm up, then 200 more that may grow the resident set by 100 MB at most. */
    private static void assertFlat(IntConsumer product) throws IOException {
        for (int i = 0; i < 50; i++) {
            product.accept(i);
        }
        System.gc();
        long before = residentKilobytes();
        for (int i = 0; i < 200; i++) {
            product.accept(i);
        }
        System.gc();
        long growth = residentKilobytes() - before;
        assertTrue(growth < 100_000, "resident memory grew by " + growth + " kB over 200 products");
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}

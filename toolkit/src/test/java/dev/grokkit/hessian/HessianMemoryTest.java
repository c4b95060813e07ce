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
import org.junit.jupiter.api.Test;

/**
 * create_graph leaves a parameter <-> gradient reference cycle that holds the whole graph
 * (activations of the batch) unless the gradients are reset. 200 Hessian-vector products on a
 * 50-200-200-10 MLP with 1000 examples: each leaked graph would hold several MB of float32
 * activations (0.8 MB per saved 1000 x 200 tensor; about 1 GB in all); resident memory,
 * which also moves with the JVM heap, must stay within 100 MB after warm-up.
 */
class HessianMemoryTest {

    @Test
    void repeatedProductsKeepResidentMemoryFlat() throws IOException {
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
            NDArray x = data.inputs(manager, DataType.FLOAT32);
            NDArray y = data.labelArray(manager);
            for (int i = 0; i < 50; i++) {
                LossHessian.rademacherQuadraticForm(model, Losses.mse(), x, y, i);
            }
            System.gc();
            long before = residentKilobytes();
            for (int i = 0; i < 200; i++) {
                LossHessian.rademacherQuadraticForm(model, Losses.mse(), x, y, i);
            }
            System.gc();
            long growth = residentKilobytes() - before;
            assertTrue(growth < 100_000, "resident memory grew by " + growth + " kB over 200 products");
        }
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

package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpSpecTest {

    /** Global L2 norm sqrt(sum over tensors of sum w^2). */
    private static double weightNorm(GrokModel model) {
        double sum = 0;
        for (NamedParameter p : model.trainableParameters()) {
            sum += p.array().toType(DataType.FLOAT64, false).pow(2).sum().getDouble();
        }
        return Math.sqrt(sum);
    }

    @Test
    void omnigrokInitialWeightNormIsNear93() {
        Examples mnistLike = ModelFixtures.features(2, new Shape(1, 28, 28), 10, 0);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            Grokkit.seed(0);
            GrokModel unit = Models.mlp().hidden(200, 200).build(mnistLike, DataType.FLOAT32, manager);
            Grokkit.seed(0);
            GrokModel scaled = Models.mlp().hidden(200, 200).initScale(8).build(mnistLike, DataType.FLOAT32, manager);
            assertEquals(List.of("hidden1.weight", "hidden1.bias", "hidden2.weight", "hidden2.bias", "logits.weight",
                    "logits.bias"), ModelFixtures.names(scaled));
            assertEquals(784 * 200 + 200 + 200 * 200 + 200 + 200 * 10 + 10, scaled.parameterCount());
            // every entry of a layer with fan-in f is U(-1/sqrt f, 1/sqrt f), so E[w^2] = 1 / (3 f) and
            // ||w||^2 ~ alpha^2 sum over layers (n_w + n_b) / (3 f)
            double expected = 8 * Math.sqrt((784 * 200 + 200) / (3.0 * 784) + (200 * 200 + 200) / (3.0 * 200)
                    + (200 * 10 + 10) / (3.0 * 200));
            assertEquals(93.7, expected, 0.05);
            double norm = weightNorm(scaled);
            assertEquals(expected, norm, 0.01 * expected); // the sampling spread is about 0.1%
            assertEquals(8, norm / weightNorm(unit), 1e-5); // the same draws, scaled
            assertTrue(scaled.toString().contains("init scale 8.0"), scaled.toString());
        }
    }

    @Test
    void badInitScaleIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Models.mlp().initScale(0));
        assertTrue(e.getMessage().contains("initScale"), e.getMessage());
    }
}

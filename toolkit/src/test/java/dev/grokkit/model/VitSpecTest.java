package dev.grokkit.model;

import static dev.grokkit.model.ModelFixtures.assertDescends;
import static dev.grokkit.model.ModelFixtures.assertGradientsReachEveryParameter;
import static dev.grokkit.model.ModelFixtures.assertPrecision;
import static dev.grokkit.model.ModelFixtures.features;
import static dev.grokkit.model.ModelFixtures.gradientDescent;
import static dev.grokkit.model.ModelFixtures.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VitSpecTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    private static GrokModel build(VitSpec spec, Examples data, DataType dtype) {
        Grokkit.seed(0);
        return spec.build(data, dtype, manager);
    }

    private static VitSpec small() {
        return Models.vit().dim(16).depth(2).heads(4).mlpDim(24);
    }

    /**
     * Trainable scalars for C x H x W images, patch p, width d, depth k, MLP width m, c classes:
     * patch map d C p^2 + d, class token d, positions (P + 1) d with P = HW / p^2; per block two
     * LayerNorms 4d, qkv 3d^2 + 3d, out d^2 + d, MLP d m + m + m d + d; final LayerNorm 2d; head
     * d c + c.
     */
    private static long parameterCount(long c, long h, long w, long p, long d, long k, long m, long classes) {
        long patches = (h / p) * (w / p);
        long perBlock = 4 * d + 3 * d * d + 3 * d + d * d + d + d * m + m + m * d + d;
        return d * c * p * p + d + d + (patches + 1) * d + k * perBlock + 2 * d + d * classes + classes;
    }

    @Test
    void worksOnGreyAndColourImagesOfEverySize() {
        Object[][] cases = {{new Shape(1, 28, 28), 7}, {new Shape(1, 28, 28), 4}, {new Shape(1, 8, 8), 4},
                {new Shape(3, 32, 32), 4}, {new Shape(784), 7}};
        for (Object[] c : cases) {
            Shape image = (Shape) c[0];
            int patch = (int) c[1];
            Examples data = features(3, image, 10, 0);
            try (GrokModel model = build(small().patchSize(patch), data, DataType.FLOAT32)) {
                assertEquals(new Shape(3, 10), model.forward(data.inputs(manager, DataType.FLOAT32), false).getShape(),
                        image.toString());
                long channels = image.dimension() == 3 ? image.get(0) : 1;
                long side = image.dimension() == 3 ? image.get(1) : 28;
                assertEquals(parameterCount(channels, side, side, patch, 16, 2, 24, 10), model.parameterCount(),
                        image + " patch " + patch);
            }
        }
        Examples mnist = features(1, new Shape(1, 28, 28), 10, 0);
        try (GrokModel model = Models.vit().patchSize(7).build(mnist, DataType.FLOAT32, manager)) {
            assertEquals(parameterCount(1, 28, 28, 7, 64, 2, 128, 10), model.parameterCount());
        }
    }

    @Test
    void parameterNamesAreStable() {
        Examples data = features(2, new Shape(1, 8, 8), 3, 0);
        try (GrokModel model = build(small().depth(1), data, DataType.FLOAT32)) {
            assertEquals(List.of("patches.cls", "patches.positions", "patches.proj.weight", "patches.proj.bias",
                    "block0.ln1.gamma", "block0.ln1.beta", "block0.attn.qkv.weight", "block0.attn.qkv.bias",
                    "block0.attn.out.weight", "block0.attn.out.bias", "block0.ln2.gamma", "block0.ln2.beta",
                    "block0.mlp.up.weight", "block0.mlp.up.bias", "block0.mlp.down.weight", "block0.mlp.down.bias",
                    "logits.ln.gamma", "logits.ln.beta", "logits.head.weight", "logits.head.bias"), names(model));
            assertEquals(new Shape(5, 16), model.parameter("patches.positions").shape());
            assertEquals(new Shape(16, 16), model.parameter("patches.proj.weight").shape());
        }
    }

    @Test
    void patchesAreAStridedConvolutionPlusClassTokenAndPositions() {
        Examples data = features(2, new Shape(3, 8, 8), 3, 4);
        try (GrokModel model = build(small(), data, DataType.FLOAT64)) {
            NDArray x = data.inputs(manager, DataType.FLOAT64);
            Map<String, NDArray> taps = model.activations(x, false);
            assertEquals(List.of("input", "patches", "block0", "block1", "logits"), model.tapNames());
            assertEquals(new Shape(2, 5, 16), taps.get("patches").getShape());
            assertEquals(new Shape(2, 5, 16), taps.get("block1").getShape());
            // a 4 x 4 convolution with stride 4 whose kernels are the rows of proj.weight
            NDArray kernels = model.parameter("patches.proj.weight").array().reshape(16, 3, 4, 4);
            NDArray conv = Conv2d.conv2d(x, kernels, model.parameter("patches.proj.bias").array(), new Shape(4, 4))
                    .singletonOrThrow(); // (2, 16, 2, 2)
            NDArray positions = model.parameter("patches.positions").array();
            NDArray expected = conv.reshape(2, 16, 4).transpose(0, 2, 1).add(positions.get("1:"));
            assertArrayEquals(expected.toDoubleArray(), taps.get("patches").get(":, 1:, :").toDoubleArray(), 1e-12);
            // the class token row is cls + positions[0]; torchvision starts cls at 0
            NDArray cls = model.parameter("patches.cls").array();
            assertEquals(0.0, cls.abs().sum().getDouble());
            assertArrayEquals(cls.add(positions.get(0)).toDoubleArray(), taps.get("patches").get(1, 0).toDoubleArray(),
                    1e-12);
        }
    }

    @Test
    void attentionIsNotCausal() {
        Examples data = features(1, new Shape(1, 8, 8), 2, 0);
        float[] changed = data.features();
        changed[63] += 1; // a pixel of the last patch
        Examples other = Examples.ofFeatures(changed, new Shape(1, 8, 8), new int[] {0}, 2);
        try (GrokModel model = build(small(), data, DataType.FLOAT64)) {
            NDArray a = model.activations(data.inputs(manager, DataType.FLOAT64), false).get("block0");
            NDArray b = model.activations(other.inputs(manager, DataType.FLOAT64), false).get("block0");
            // the class token (position 0) sees the last patch
            assertTrue(a.get(0, 0).sub(b.get(0, 0)).abs().max().getDouble() > 1e-9);
        }
    }

    @Test
    void gradientsReachEveryParameter() {
        Examples data = features(4, new Shape(1, 8, 8), 3, 0);
        try (GrokModel model = build(small(), data, DataType.FLOAT32)) {
            assertGradientsReachEveryParameter(model, data);
        }
    }

    @Test
    void gradientDescentLowersTheLoss() {
        Examples data = features(8, new Shape(1, 8, 8), 4, 2);
        try (GrokModel model = build(small(), data, DataType.FLOAT32)) {
            assertDescends(gradientDescent(model, data, 0.05, 5), 0.05);
        }
    }

    @Test
    void float64ModelsComputeInFloat64() {
        Examples data = features(2, new Shape(1, 8, 8), 3, 0);
        try (GrokModel model = build(small(), data, DataType.FLOAT64)) {
            assertPrecision(model, data, DataType.FLOAT64);
        }
    }

    @Test
    void badOptionsAndInputsAreNamed() {
        Examples mnist = features(1, new Shape(1, 28, 28), 10, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> build(small().patchSize(5), mnist, DataType.FLOAT32));
        assertTrue(e.getMessage().contains("patchSize 5 must divide the image height and width"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> build(small().dim(18), mnist, DataType.FLOAT32));
        assertTrue(e.getMessage().contains("dim (18) must be divisible by heads (4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.vit().depth(-1));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }
}

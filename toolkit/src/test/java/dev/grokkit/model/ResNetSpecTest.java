package dev.grokkit.model;

import static dev.grokkit.model.ModelFixtures.assertDescends;
import static dev.grokkit.model.ModelFixtures.assertGradientsReachEveryParameter;
import static dev.grokkit.model.ModelFixtures.assertPrecision;
import static dev.grokkit.model.ModelFixtures.features;
import static dev.grokkit.model.ModelFixtures.gradientDescent;
import static dev.grokkit.model.ModelFixtures.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class ResNetSpecTest {

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    private static GrokModel build(ResNetSpec spec, Examples data, DataType dtype) {
        Grokkit.seed(0);
        return spec.build(data, dtype, manager);
    }

    /**
     * Trainable scalars of a ResNet with the given input channels, stage widths, blocks per stage
     * and classes: stem 9 C w0 + 2 w0; a block from width i to o has 9 i o + 9 o o + 4 o, plus
     * i o + 2 o for the projection shortcut when i != o or it has stride 2; head w_last c + c.
     */
    private static long parameterCount(long channels, int[] widths, int blocks, long classes) {
        long count = 9 * channels * widths[0] + 2L * widths[0];
        long in = widths[0];
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < blocks; b++) {
                long out = widths[s];
                count += 9 * in * out + 9 * out * out + 4 * out;
                if (in != out || (s > 0 && b == 0)) {
                    count += in * out + 2 * out;
                }
                in = out;
            }
        }
        return count + in * classes + classes;
    }

    @Test
    void worksOnGreyAndColourImagesOfEverySize() {
        Object[][] cases = {{new Shape(1, 28, 28), 1L}, {new Shape(1, 8, 8), 1L}, {new Shape(3, 32, 32), 3L}};
        for (Object[] c : cases) {
            Shape image = (Shape) c[0];
            Examples data = features(3, image, 10, 0);
            try (GrokModel model = build(Models.resnet(), data, DataType.FLOAT32)) {
                assertEquals(new Shape(3, 10), model.forward(data.inputs(manager, DataType.FLOAT32), false).getShape(),
                        image.toString());
                assertEquals(parameterCount((long) c[1], new int[] {16, 32, 64}, 1, 10), model.parameterCount());
            }
        }
    }

    @Test
    void resNet18HasItsKnownSizeAnd62TrainedTensors() {
        // CIFAR ResNet18 (widths 64..512, 2 blocks per stage, 10 classes): 11,173,962 parameters, as
        // torchvision-style CIFAR ResNet18s report, in 62 tensors (the entropy-gap paper's blocks)
        Examples cifar = features(1, new Shape(3, 32, 32), 10, 0);
        int[] widths = {64, 128, 256, 512};
        assertEquals(11_173_962, parameterCount(3, widths, 2, 10));
        try (GrokModel model = build(Models.resnet().widths(widths).blocksPerStage(2), cifar, DataType.FLOAT32)) {
            assertEquals(11_173_962, model.parameterCount());
            assertEquals(62, model.trainableParameters().size());
        }
    }

    @Test
    void flatInputsAreViewedAsImages() {
        Examples square = features(2, new Shape(64), 4, 0);
        try (GrokModel model = build(Models.resnet().widths(4, 8), square, DataType.FLOAT32)) {
            assertEquals("image", model.tapNames().get(1));
            Map<String, NDArray> taps = model.activations(square.inputs(manager, DataType.FLOAT32), false);
            assertEquals(new Shape(2, 1, 8, 8), taps.get("image").getShape());
            assertEquals(new Shape(2, 4), taps.get("logits").getShape());
        }
        Examples colour = features(2, new Shape(3 * 8 * 8), 4, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> build(Models.resnet(), colour, DataType.FLOAT32));
        assertTrue(e.getMessage().contains("imageShape(channels, height, width)"), e.getMessage());
        try (GrokModel model = build(Models.resnet().widths(4).imageShape(3, 8, 8), colour, DataType.FLOAT32)) {
            assertEquals(parameterCount(3, new int[] {4}, 1, 4), model.parameterCount());
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> build(Models.resnet().imageShape(1, 8, 8), colour, DataType.FLOAT32));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void parameterNamesAreStableAndRunningStatisticsAreNotTrained() {
        Examples data = features(2, new Shape(1, 8, 8), 3, 0);
        try (GrokModel model = build(Models.resnet().widths(4, 8).blocksPerStage(2), data, DataType.FLOAT32)) {
            assertEquals(parameterCount(1, new int[] {4, 8}, 2, 3), model.parameterCount());
            List<String> names = names(model);
            assertEquals(List.of("stem.conv.weight", "stem.bn.gamma", "stem.bn.beta", "stem.bn.runningMean",
                    "stem.bn.runningVar"), names.subList(0, 5));
            assertTrue(names.containsAll(List.of("stage1.block0.conv1.weight", "stage1.block0.bn1.gamma",
                    "stage1.block1.conv2.weight", "stage1.block1.bn2.beta", "stage2.block0.shortcut.conv.weight",
                    "stage2.block0.shortcut.bn.gamma", "stage2.block1.bn2.runningVar", "logits.weight", "logits.bias")),
                    names.toString());
            assertFalse(names.stream().anyMatch(n -> n.startsWith("stage1.block0.shortcut")
                    || n.startsWith("stage2.block1.shortcut")), "only a block that changes shape has a shortcut");
            // convolutions: 1 in the stem, 2 in each of 4 blocks, 1 shortcut = 10, each followed by a
            // BatchNorm with 2 trained tensors and 2 running statistics; the head has 2 tensors
            assertEquals(10 + 10 * 2 + 2, model.trainableParameters().size());
            assertEquals(model.trainableParameters().size() + 10 * 2, model.parameters().size());
            for (NamedParameter p : model.parameters()) {
                assertEquals(!p.name().endsWith("runningMean") && !p.name().endsWith("runningVar"), p.trainable(),
                        p.name());
            }
            assertEquals(new Shape(8, 4, 3, 3), model.parameter("stage2.block0.conv1.weight").shape());
            assertEquals(new Shape(8, 4, 1, 1), model.parameter("stage2.block0.shortcut.conv.weight").shape());
        }
    }

    @Test
    void tapsHalveTheResolutionAtEachNewStage() {
        Examples data = features(2, new Shape(1, 28, 28), 10, 0);
        try (GrokModel model = build(Models.resnet(), data, DataType.FLOAT32)) {
            assertEquals(List.of("input", "stem", "stage1", "stage2", "stage3", "pool", "logits"), model.tapNames());
            Map<String, NDArray> taps = model.activations(data.inputs(manager, DataType.FLOAT32), false);
            assertEquals(new Shape(2, 16, 28, 28), taps.get("stem").getShape());
            assertEquals(new Shape(2, 16, 28, 28), taps.get("stage1").getShape());
            assertEquals(new Shape(2, 32, 14, 14), taps.get("stage2").getShape());
            assertEquals(new Shape(2, 64, 7, 7), taps.get("stage3").getShape());
            assertEquals(new Shape(2, 64), taps.get("pool").getShape());
            // pooling is the mean over the 7 x 7 positions
            assertArrayEquals(taps.get("stage3").reshape(2, 64, 49).mean(new int[] {2}).toFloatArray(),
                    taps.get("pool").toFloatArray(), 1e-6f);
        }
    }

    @Test
    void stemNormalizesWithBatchStatisticsAndUpdatesItsRunningStatistics() {
        Examples data = features(4, new Shape(1, 8, 8), 2, 0);
        try (GrokModel model = build(Models.resnet().widths(4), data, DataType.FLOAT64)) {
            NDArray x = data.inputs(manager, DataType.FLOAT64);
            NDArray weight = model.parameter("stem.conv.weight").array();
            NDArray conv = Conv2d.conv2d(x, weight, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            // per channel c over batch and positions: mean m_c, biased variance v_c, unbiased u_c
            long count = conv.getShape().size() / 4;
            NDArray perChannel = conv.transpose(1, 0, 2, 3).reshape(4, -1);
            NDArray mean = perChannel.mean(new int[] {1});
            NDArray biased = perChannel.sub(mean.reshape(4, 1)).pow(2).mean(new int[] {1});
            NDArray unbiased = biased.mul((double) count / (count - 1));
            // training: y = relu((conv - m) / sqrt(v + 1e-5)) with gamma 1 and beta 0
            NDArray expected = conv.sub(mean.reshape(1, 4, 1, 1)).div(biased.add(1e-5).sqrt().reshape(1, 4, 1, 1))
                    .maximum(0);
            NDArray stem = model.activations(x, true).get("stem");
            assertArrayEquals(expected.toDoubleArray(), stem.toDoubleArray(), 1e-6);
            // running mean <- 0.9 * 0 + 0.1 m, running variance <- 0.9 * 1 + 0.1 u (PyTorch's momentum
            // 0.1, which DJL passes as the float 1 - 0.9f: within 3e-7 of 0.1)
            assertArrayEquals(mean.mul(0.1).toDoubleArray(),
                    model.parameter("stem.bn.runningMean").array().toDoubleArray(), 1e-8);
            assertArrayEquals(unbiased.mul(0.1).add(0.9).toDoubleArray(),
                    model.parameter("stem.bn.runningVar").array().toDoubleArray(), 1e-6);
        }
    }

    @Test
    void gradientsReachEveryParameter() {
        Examples data = features(4, new Shape(1, 8, 8), 3, 0);
        try (GrokModel model = build(Models.resnet().widths(4, 8), data, DataType.FLOAT32)) {
            assertGradientsReachEveryParameter(model, data);
        }
    }

    @Test
    void gradientDescentLowersTheLoss() {
        Examples data = features(8, new Shape(1, 8, 8), 4, 2);
        try (GrokModel model = build(Models.resnet().widths(4, 8), data, DataType.FLOAT32)) {
            assertDescends(gradientDescent(model, data, 0.05, 5), 0.05);
        }
    }

    @Test
    void float64ModelsComputeInFloat64() {
        Examples data = features(2, new Shape(3, 8, 8), 3, 0);
        try (GrokModel model = build(Models.resnet().widths(4, 8), data, DataType.FLOAT64)) {
            assertPrecision(model, data, DataType.FLOAT64);
        }
    }

    @Test
    void badOptionsAndInputsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Models.resnet().widths(16, 0));
        assertTrue(e.getMessage().contains("widths"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.resnet().blocksPerStage(0));
        assertTrue(e.getMessage().contains("blocksPerStage"), e.getMessage());
        Examples tokens = ModelFixtures.tokens(2, 3, 5, 2, 0);
        e = assertThrows(IllegalArgumentException.class, () -> build(Models.resnet(), tokens, DataType.FLOAT32));
        assertTrue(e.getMessage().contains("needs image inputs"), e.getMessage());
    }
}

package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.Losses;
import dev.grokkit.model.ModelSpec;
import dev.grokkit.model.Models;
import dev.grokkit.model.Nonlinearity;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Double backward through every layer the grokking models use (embeddings, attention with
 * softmax, LayerNorm, GELU, tanh, convolutions, BatchNorm with running statistics, patch
 * embeddings): on small float64 models of every family, H is symmetric and linear and, where
 * the loss is twice differentiable, H v equals a central difference of gradients along v.
 */
class ModelFamiliesHessianTest {

    private static Dataset modular(Form form) {
        return ModularArithmetic.builder().modulus(7).form(form).trainFraction(0.5).seed(0).build();
    }

    /** 12 single-channel 8x8 images with N(0, 1) pixels, 4 classes. */
    private static Dataset images() {
        Random random = new Random(4);
        float[] pixels = new float[12 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = java.util.stream.IntStream.range(0, 12).map(i -> i % 4).toArray();
        Examples all = Examples.ofFeatures(pixels, new Shape(1, 8, 8), labels, 4);
        return new Dataset("images", all, all);
    }

    /**
     * u^T H v = v^T H u and H is linear; for twice-differentiable models also H v equals a central
     * difference of gradients along v.
     */
    private static void check(ModelSpec spec, Dataset data, boolean twiceDifferentiable) {
        Grokkit.seed(3);
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = spec.build(data.train(), DataType.FLOAT64, manager)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            Loss loss = Losses.crossEntropy();
            LossHessian h = LossHessian.of(model, loss, x, y);
            Random random = new Random(1);
            double[] u = ProbeVectors.gaussian(h.dimension(), random);
            double[] v = ProbeVectors.gaussian(h.dimension(), random);
            double[] hu = h.apply(u);
            double[] hv = h.apply(v);
            double scale = Vectors.norm(hv);
            double uhv = Vectors.dot(u, hv);
            assertEquals(uhv, Vectors.dot(v, hu), 1e-12 * Math.abs(uhv), model.toString());
            double[] combination = u.clone();
            Vectors.addScaled(combination, -2, v);
            double[] hCombination = h.apply(combination);
            for (int i = 0; i < hv.length; i++) {
                assertEquals(hu[i] - 2 * hv[i], hCombination[i], 1e-12 * scale, model + ": linearity " + i);
            }
            if (twiceDifferentiable) {
                double[] difference = ParameterVectors.gradientDifference(model, loss, x, y, v, 1e-5);
                for (int i = 0; i < hv.length; i++) {
                    assertEquals(difference[i], hv[i], 1e-6 * scale, model + ": component " + i);
                }
            }
        }
    }

    @Test
    void transformerWithLayerNorm() {
        check(Models.transformer().layers(1).dModel(8).heads(2).dMlp(16).layerNorm(true)
                .activation(Nonlinearity.GELU), modular(Form.TOKENS), true);
    }

    @Test
    void embeddingMlp() {
        check(Models.embeddingMlp().embeddingDim(6).hidden(10).activation(Nonlinearity.TANH), modular(Form.PAIRS), true);
    }

    @Test
    void resnetWithBatchNormInInferenceMode() {
        // ReLU units exactly at 0 (e.g. zero padding through zero-bias BatchNorm) make the gradient
        // jump at w, so gradient differences are no reference there (seen: error ~ 1 / eps).
        check(Models.resnet().widths(2, 4), images(), false);
    }

    /**
     * A training-mode forward pass moves BatchNorm's running statistics (not trained parameters)
     * and so the inference-mode Hessian: a kept gradient graph must not outlive them. The next
     * product equals a fresh Hessian's and differs from the one before.
     */
    @Test
    void aKeptGraphFollowsBatchNormRunningStatistics() {
        Dataset data = images();
        Grokkit.seed(3);
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = Models.resnet().widths(2, 4).build(data.train(), DataType.FLOAT64, manager)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            try (LossHessian h = LossHessian.of(model, Losses.crossEntropy(), x, y)) {
                double[] v = ProbeVectors.gaussian(h.dimension(), new Random(2));
                double[] before = h.apply(v);
                model.forward(x, true).close(); // updates the running mean and variance in place
                double[] after = h.apply(v);
                try (LossHessian fresh = LossHessian.of(model, Losses.crossEntropy(), x, y)) {
                    double[] expected = fresh.apply(v);
                    double scale = Vectors.norm(expected);
                    for (int i = 0; i < after.length; i++) {
                        assertEquals(expected[i], after[i], 1e-12 * scale, "component " + i);
                    }
                }
                double[] change = after.clone();
                Vectors.addScaled(change, -1, before);
                assertTrue(Vectors.norm(change) > 1e-3 * Vectors.norm(before), "the running statistics moved H v");
            }
        }
    }

    @Test
    void visionTransformer() {
        check(Models.vit().patchSize(4).dim(8).depth(1).heads(2).mlpDim(12), images(), true);
    }
}

package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Dataset;
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
 * softmax, LayerNorm, GELU, tanh): on small float64 models, H v equals a central difference of
 * gradients along v, and u^T H v = v^T H u.
 */
class ModelFamiliesHessianTest {

    private static void check(ModelSpec spec, Form form) {
        Dataset data = ModularArithmetic.builder().modulus(7).form(form).trainFraction(0.5).seed(0).build();
        Grokkit.seed(3);
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = spec.build(data.train(), DataType.FLOAT64, manager)) {
            NDArray x = data.train().inputs(manager, DataType.FLOAT64);
            NDArray y = data.train().labelArray(manager);
            Loss loss = Losses.crossEntropy();
            LossHessian h = LossHessian.of(model, loss, x, y);
            Random random = new Random(1);
            double[] u = Vectors.gaussian(h.dimension(), random);
            double[] v = Vectors.gaussian(h.dimension(), random);
            double[] hv = h.apply(v);
            double scale = Vectors.norm(hv);
            double[] difference = ParameterVectors.gradientDifference(model, loss, x, y, v, 1e-5);
            for (int i = 0; i < hv.length; i++) {
                assertEquals(difference[i], hv[i], 1e-6 * scale, model + ": component " + i);
            }
            double uhv = Vectors.dot(u, hv);
            assertEquals(uhv, Vectors.dot(v, h.apply(u)), 1e-12 * Math.abs(uhv), model.toString());
        }
    }

    @Test
    void transformerWithLayerNorm() {
        check(Models.transformer().layers(1).dModel(8).heads(2).dMlp(16).layerNorm(true)
                .activation(Nonlinearity.GELU), Form.TOKENS);
    }

    @Test
    void embeddingMlp() {
        check(Models.embeddingMlp().embeddingDim(6).hidden(10).activation(Nonlinearity.TANH), Form.PAIRS);
    }
}

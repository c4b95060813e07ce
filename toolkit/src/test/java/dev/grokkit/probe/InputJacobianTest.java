package dev.grokkit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.hessian.TraceEstimate;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Models;
import dev.grokkit.model.Nonlinearity;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lemma 3.1's input-gradient norm on a model linear in its input, where the Jacobian is W2 W1 exactly. */
class InputJacobianTest {

    @Test
    void linearModelGivesTheFrobeniusNormOfItsWeightProduct() {
        Random r = new Random(4);
        int n = 30;
        float[] x = new float[5 * n];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        Examples examples = Examples.ofFeatures(x, new Shape(5), y, 3);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            Grokkit.seed(5);
            GrokModel model = Models.mlp().hidden(4).activation(Nonlinearity.IDENTITY).build(examples, DataType.FLOAT64, manager);
            NDArray w1 = model.parameter("hidden1.weight").array();
            NDArray w2 = model.parameter("logits.weight").array();
            double exact = w2.matMul(w1).square().sum().getDouble(); // J = W2 W1 for every example
            NDArray inputs = examples.inputs(manager, DataType.FLOAT64);
            TraceEstimate estimate = InputJacobian.meanSquaredNorm(model, "input", inputs, 400, 1);
            assertEquals(exact, estimate.value(), 4 * estimate.standardError());
            assertTrue(estimate.standardError() < 0.1 * exact, estimate.toString());
            // the same directions give the same estimate; the input is left as it was
            assertEquals(estimate.value(), InputJacobian.meanSquaredNorm(model, "input", inputs, 400, 1).value(), 0);
            assertEquals(examples.inputs(manager, DataType.FLOAT64).sub(inputs).abs().max().getDouble(), 0, 0);
        }
    }
}

package dev.grokkit.model;

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
import org.junit.jupiter.api.Test;

/** Real-valued targets for Losses.mse() and parameters set by name: what a regression check needs. */
class RegressionTargetsTest {

    @Test
    void mseTakesRealValuedTargetsOfTheOutputsShape() {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray outputs = manager.create(new double[] {1, 2, 3, 4}, new Shape(2, 2));
            NDArray targets = manager.create(new float[] {0, 2, 3, 2}, new Shape(2, 2));
            // (1 + 0 + 0 + 4) / 4
            assertEquals(1.25, Losses.mse().compute(outputs, targets).getDouble(), 1e-12);
            NDArray single = manager.create(new double[] {1, 2, 3}, new Shape(3, 1));
            assertEquals((1 + 0 + 4) / 3.0, Losses.mse().compute(single, manager.create(new double[] {0, 2, 5}))
                    .getDouble(), 1e-12);
            // class labels still mean one-hot targets: (0 + 4 + 9 + 9) / 4 with rows (1, 0) and (0, 1)
            NDArray labels = manager.create(new long[] {0, 1});
            assertEquals(((1 - 1) * (1 - 1) + 4 + 9 + 9) / 4.0, Losses.mse().compute(outputs, labels).getDouble(), 1e-12);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Losses.mse().compute(outputs, manager.create(new double[] {1, 2, 3})));
            assertTrue(e.getMessage().contains("(2, 2)") && e.getMessage().contains("(3)"), e.getMessage());
        }
    }

    @Test
    void setParametersByNameSetsTheGivenOnesAndChecksLengthsFirst() {
        Examples sample = Examples.ofFeatures(new float[] {1, 2, 3, 4}, new Shape(2), new int[] {0, 2}, 3);
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = Models.mlp().hidden(4).build(sample, DataType.FLOAT64, manager)) {
            double[] before = model.parameter("hidden1.weight").array().toDoubleArray();
            // every weight and bias zero but the logits' bias: the outputs are that bias for any input
            model.setParameters(name -> name.equals("logits.bias") ? new double[] {1, 2, 3}
                    : new double[(int) model.parameter(name).size()]);
            NDArray x = sample.inputs(manager, DataType.FLOAT64);
            assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, model.forward(x, false).toDoubleArray(), 0);
            model.setParameters(name -> name.equals("hidden1.weight") ? before : null);
            assertArrayEquals(before, model.parameter("hidden1.weight").array().toDoubleArray(), 0);
            assertArrayEquals(new double[] {1, 2, 3}, model.parameter("logits.bias").array().toDoubleArray(), 0);
            var e = assertThrows(IllegalArgumentException.class, () -> model.setParameters(
                    name -> name.equals("logits.bias") ? new double[] {9, 9, 9} : name.equals("logits.weight") ? new double[5] : null));
            assertTrue(e.getMessage().contains("'logits.weight'") && e.getMessage().contains("has 12 values, was given 5"),
                    e.getMessage());
            assertArrayEquals(new double[] {1, 2, 3}, model.parameter("logits.bias").array().toDoubleArray(), 0,
                    "nothing was set");
        }
    }
}

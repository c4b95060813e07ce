package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.info.Features;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** activationRows: the activations of examples as Java rows, leaving no native arrays behind. */
class ActivationRowsTest {

    @Test
    void rowsEqualTheActivationsAndNoArraysRemain() {
        Examples examples = ModelFixtures.features(12, new Shape(2, 3), 4, 1);
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = Models.mlp().hidden(5).build(examples, DataType.FLOAT64, manager)) {
            int before = model.manager().getManagedArrays().size();
            Map<String, double[][]> rows = model.activationRows(examples);
            assertEquals(before, model.manager().getManagedArrays().size());
            assertEquals(model.tapNames(), rows.keySet().stream().toList());
            NDArray x = examples.inputs(manager, DataType.FLOAT64);
            Map<String, NDArray> taps = model.activations(x, false);
            for (String name : model.tapNames()) {
                double[][] expected = Features.rows(taps.get(name));
                assertEquals(12, rows.get(name).length, name);
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], rows.get(name)[i], 0, name + " row " + i);
                }
            }
            assertEquals(6, rows.get("input")[0].length);
            assertEquals(examples.features()[7], rows.get("input")[1][1], 1e-7);
        }
    }
}

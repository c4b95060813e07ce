package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading parameters into a model that has already run: DJL's load replaces each parameter's
 * array, and the model's forward pass must then use the loaded arrays, not the ones it used
 * before (DJL's parameter store keeps the arrays it first handed out).
 */
class GrokModelLoadTest {

    @Test
    void theForwardPassAfterLoadUsesTheLoadedParameters(@TempDir Path dir) {
        Examples data = ModelFixtures.features(8, new Shape(5), 3, 1);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            GrokModel model = Models.mlp().hidden(4).build(data, DataType.FLOAT64, manager);
            NDArray x = data.inputs(manager, DataType.FLOAT64);
            double[] saved = model.forward(x, false).toDoubleArray();
            Path file = dir.resolve("model.params");
            model.save(file);
            double[] doubled = Arrays.stream(model.parameter("logits.weight").array().toDoubleArray())
                    .map(w -> 2 * w).toArray();
            model.setParameters(name -> name.equals("logits.weight") ? doubled : null);
            double[] changed = model.forward(x, false).toDoubleArray();
            assertFalse(Arrays.equals(saved, changed), "setParameters changed the outputs");
            model.load(file);
            assertArrayEquals(saved, model.forward(x, false).toDoubleArray(), 0);
        }
    }
}

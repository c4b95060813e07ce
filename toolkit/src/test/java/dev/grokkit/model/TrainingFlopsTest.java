package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import org.junit.jupiter.api.Test;

/** A training step's product FLOPs, counted by hand for each kind of stage. */
class TrainingFlopsTest {

    @Test
    void anMlpCostsSixTimesItsWeightsPerExample() {
        Examples images = Examples.ofFeatures(new float[2 * 784], new Shape(784), new int[] {0, 1}, 10);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            GrokModel model = Models.mlp().hidden(200, 200).build(images, DataType.FLOAT32, manager);
            TrainingFlops flops = TrainingFlops.of(model).orElseThrow();
            assertEquals(0, flops.perStep());
            assertEquals(6.0 * (784 * 200 + 200 * 200 + 200 * 10), flops.perExample());
            assertEquals(6.0 * 200 * (784 * 200 + 200 * 200 + 200 * 10), flops.of(200)); // 239 MFLOP
        }
    }

    @Test
    void anEmbeddingMlpsFirstLayerRunsOnTheTableRows() {
        // tokens [a, b] over 59 symbols, each embedded in 64 dimensions and concatenated: 128 -> 256 -> 59
        Examples pairs = Examples.ofTokens(new int[] {1, 2, 3, 4}, 2, 59, new int[] {3, 7}, 59);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            GrokModel model = Models.embeddingMlp().embeddingDim(64).hidden(256).build(pairs, DataType.FLOAT32, manager);
            TrainingFlops flops = TrainingFlops.of(model).orElseThrow();
            assertEquals(6.0 * 59 * 128 * 256, flops.perStep());
            assertEquals(6.0 * 256 * 59, flops.perExample());
        }
    }

    @Test
    void otherModelsAreNotCounted() {
        Examples tokens = Examples.ofTokens(new int[] {1, 2, 3, 4}, 2, 7, new int[] {3, 0}, 7);
        Examples images = Examples.ofFeatures(new float[2 * 3 * 8 * 8], new Shape(3, 8, 8), new int[] {0, 1}, 10);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            assertTrue(TrainingFlops.of(Models.transformer().layers(1).dModel(8).heads(2).dMlp(16)
                    .build(tokens, DataType.FLOAT32, manager)).isEmpty(), "a transformer");
            assertTrue(TrainingFlops.of(Models.resnet().widths(4, 8).build(images, DataType.FLOAT32, manager)).isEmpty(), "a ResNet");
        }
    }
}

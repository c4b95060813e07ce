package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The training forward pass takes shortcuts (projected embedding tables, the last transformer
 * block at the read position only); the taps path takes none. Both must give the same logits and
 * the same gradients, in float64 to round-off.
 */
@SuppressWarnings("try")
class ForwardShortcutsTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static Stream<Arguments> models() {
        Examples pairs = ModelFixtures.tokens(40, 2, 11, 11, 1);
        Examples sequences = ModelFixtures.tokens(24, 5, 9, 9, 2);
        Examples images = ModelFixtures.features(6, new Shape(1, 8, 8), 3, 3);
        return Stream.of(
                Arguments.of("embedding MLP", Models.embeddingMlp().embeddingDim(6).hidden(10), pairs),
                Arguments.of("embedding MLP, two hidden", Models.embeddingMlp().embeddingDim(4).hidden(7, 5), pairs),
                Arguments.of("transformer", Models.transformer().dModel(16).heads(4).dMlp(24), sequences),
                Arguments.of("transformer, 2 layers, pre-LN", Models.transformer().layers(2).dModel(8).heads(2)
                        .dMlp(12).layerNorm(true), sequences),
                Arguments.of("transformer, not causal", Models.transformer().dModel(8).heads(2).dMlp(8).causal(false),
                        sequences),
                Arguments.of("ViT", Models.vit().patchSize(4).dim(8).heads(2).mlpDim(16).depth(1), images));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shortcutForwardEqualsTapsForward(String name, ModelSpec spec, Examples data) {
        Grokkit.seed(7);
        try (GrokModel model = spec.build(data, DataType.FLOAT64, manager); NDScope scope = new NDScope()) {
            NDArray x = data.inputs(manager, DataType.FLOAT64);
            NDArray y = data.labelArray(manager);
            Map<String, double[]> shortcut = gradients(model, x, y, in -> model.forward(in, true));
            Map<String, double[]> taps = gradients(model, x, y, in -> {
                Map<String, NDArray> all = model.activations(in, true);
                return all.get(model.tapNames().get(model.tapNames().size() - 1));
            });
            assertEquals(taps.keySet(), shortcut.keySet());
            taps.forEach((key, expected) -> {
                double[] actual = shortcut.get(key);
                double scale = 1e-12;
                for (double e : expected) {
                    scale = Math.max(scale, Math.abs(e));
                }
                for (int i = 0; i < expected.length; i++) {
                    assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-10 * scale,
                            name + ": " + key + "[" + i + "] " + actual[i] + " vs " + expected[i]);
                }
            });
        }
    }

    /** The logits and the gradient of the cross-entropy for each parameter, by name. */
    private static Map<String, double[]> gradients(GrokModel model, NDArray x, NDArray y,
            Function<NDArray, NDArray> forward) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (NDScope scope = new NDScope(); GradientCollector collector = Grokkit.engine().newGradientCollector()) {
            NDArray logits = forward.apply(x);
            out.put("logits", logits.toDoubleArray());
            collector.backward(ModelFixtures.crossEntropy(logits, y));
        }
        for (NamedParameter p : model.trainableParameters()) {
            out.put(p.name(), p.array().getGradient().toDoubleArray());
            p.array().getGradient().subi(p.array().getGradient());
        }
        return out;
    }
}

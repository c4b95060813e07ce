package dev.grokkit.model;

import static dev.grokkit.model.ModelFixtures.assertDescends;
import static dev.grokkit.model.ModelFixtures.assertGradientsReachEveryParameter;
import static dev.grokkit.model.ModelFixtures.assertPrecision;
import static dev.grokkit.model.ModelFixtures.gradientDescent;
import static dev.grokkit.model.ModelFixtures.names;
import static dev.grokkit.model.ModelFixtures.tokens;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransformerSpecTest {

    // modular-addition layout at a small size: tokens (a, b, "="), vocabulary p + 1, p classes
    private static final int P = 7;
    private static final int L = 3;
    private static final int D = 16;
    private static final int HEADS = 4;
    private static final int D_MLP = 32;

    private static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = Grokkit.engine().newBaseManager();
    }

    @AfterAll
    static void free() {
        manager.close();
    }

    private static Examples data() {
        return tokens(10, L, P + 1, P, 1);
    }

    private static TransformerSpec small() {
        return Models.transformer().dModel(D).heads(HEADS).dMlp(D_MLP);
    }

    private static GrokModel build(TransformerSpec spec, DataType dtype) {
        Grokkit.seed(0);
        return spec.build(data(), dtype, manager);
    }

    @Test
    void defaultsAreThePeersGrokkingTransformer() {
        Examples modAdd = tokens(4, L, 114, 113, 0);
        try (GrokModel model = Models.transformer().build(modAdd, DataType.FLOAT32, manager)) {
            long v = 114, d = 128, m = 512, c = 113;
            // tokens + positions + qkv + out + up (w, b) + down (w, b) + unembed
            long expected = v * d + L * d + 3 * d * d + d * d + (d * m + m) + (m * d + d) + d * c;
            assertEquals(expected, model.parameterCount());
            assertEquals(new Shape(4, 113), model.forward(modAdd.inputs(manager, DataType.FLOAT32), false).getShape());
        }
    }

    @Test
    void parameterCountsAndNamesFollowTheArchitecture() {
        try (GrokModel model = build(small().layers(2), DataType.FLOAT32)) {
            long v = P + 1, d = D, m = D_MLP, c = P;
            long perBlock = 4 * d * d + (d * m + m) + (m * d + d);
            assertEquals(v * d + L * d + 2 * perBlock + d * c, model.parameterCount());
            assertEquals(List.of("embedding.tokens", "embedding.positions",
                    "block0.attn.qkv.weight", "block0.attn.out.weight", "block0.mlp.up.weight", "block0.mlp.up.bias",
                    "block0.mlp.down.weight", "block0.mlp.down.bias",
                    "block1.attn.qkv.weight", "block1.attn.out.weight", "block1.mlp.up.weight", "block1.mlp.up.bias",
                    "block1.mlp.down.weight", "block1.mlp.down.bias",
                    "logits.unembed.weight"), names(model));
            assertEquals(new Shape(3 * D, D), model.parameter("block1.attn.qkv.weight").shape());
            assertEquals(new Shape(L, D), model.parameter("embedding.positions").shape());
        }
    }

    @Test
    void layerNormAddsPreNormsAndAFinalNorm() {
        try (GrokModel model = build(small().layerNorm(true), DataType.FLOAT32)) {
            long v = P + 1, d = D, m = D_MLP, c = P;
            long perBlock = 2 * d + 4 * d * d + 2 * d + (d * m + m) + (m * d + d);
            assertEquals(v * d + L * d + perBlock + 2 * d + d * c, model.parameterCount());
            List<String> names = names(model);
            assertTrue(names.containsAll(List.of("block0.ln1.gamma", "block0.ln1.beta", "block0.ln2.gamma",
                    "block0.ln2.beta", "logits.ln.gamma", "logits.ln.beta")), names.toString());
            // logits = LN(x_last) W_U^T with LN(v) = (v - mean v) / sqrt(var v + 1e-5) at gamma 1, beta 0
            Map<String, NDArray> taps = model.activations(data().inputs(manager, DataType.FLOAT32), false);
            NDArray last = taps.get("block0").get(":, -1, :");
            NDArray centred = last.sub(last.mean(new int[] {1}, true));
            NDArray normalized = centred.div(centred.pow(2).mean(new int[] {1}, true).add(1e-5).sqrt());
            NDArray expected = normalized.matMul(model.parameter("logits.unembed.weight").array().transpose());
            assertArrayEquals(expected.toFloatArray(), taps.get("logits").toFloatArray(), 1e-5f);
        }
    }

    @Test
    void tapsAreTheResidualStreamAfterEachStage() {
        Examples data = data();
        try (GrokModel model = build(small().layers(2), DataType.FLOAT32)) {
            assertEquals(List.of("input", "embedding", "block0", "block1", "logits"), model.tapNames());
            Map<String, NDArray> taps = model.activations(data.inputs(manager, DataType.FLOAT32), false);
            assertEquals(model.tapNames(), List.copyOf(taps.keySet()));
            assertEquals(new Shape(10, L), taps.get("input").getShape());
            assertEquals(new Shape(10, L, D), taps.get("embedding").getShape());
            assertEquals(new Shape(10, L, D), taps.get("block1").getShape());
            assertEquals(new Shape(10, P), taps.get("logits").getShape());
            // the embedding tap is E[t] + P, computed here by hand for example 0, position 1
            int token = data.tokens()[1];
            NDArray expected = model.parameter("embedding.tokens").array().get(token)
                    .add(model.parameter("embedding.positions").array().get(1));
            assertArrayEquals(expected.toFloatArray(), taps.get("embedding").get(0, 1).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void laterTokensDoNotChangeEarlierPositions() {
        Examples original = Examples.ofTokens(new int[] {1, 2, 3, 1, 2, 5}, L, P + 1, new int[] {0, 0}, P);
        Examples changed = Examples.ofTokens(new int[] {1, 2, 6, 1, 2, 0}, L, P + 1, new int[] {0, 0}, P);
        try (GrokModel model = build(small().layers(2), DataType.FLOAT64)) {
            Map<String, NDArray> a = model.activations(original.inputs(manager, DataType.FLOAT64), false);
            Map<String, NDArray> b = model.activations(changed.inputs(manager, DataType.FLOAT64), false);
            for (String stage : List.of("embedding", "block0", "block1")) {
                NDIndex earlier = new NDIndex(":, 0:{}, :", L - 1);
                assertArrayEquals(a.get(stage).get(earlier).toDoubleArray(), b.get(stage).get(earlier).toDoubleArray(),
                        1e-12, stage);
                assertFalse(a.get(stage).get(":, -1, :").allClose(b.get(stage).get(":, -1, :")), stage);
            }
        }
        // the same change does reach the earlier positions when attention is not causal
        try (GrokModel model = build(small().causal(false), DataType.FLOAT64)) {
            NDArray a = model.activations(original.inputs(manager, DataType.FLOAT64), false).get("block0");
            NDArray b = model.activations(changed.inputs(manager, DataType.FLOAT64), false).get("block0");
            assertFalse(a.get(":, 0, :").allClose(b.get(":, 0, :")));
        }
    }

    @Test
    void gradientsReachEveryParameter() {
        try (GrokModel model = build(small().layers(2).layerNorm(true), DataType.FLOAT32)) {
            assertGradientsReachEveryParameter(model, data());
        }
    }

    @Test
    void gradientDescentLowersTheLoss() {
        try (GrokModel model = build(small(), DataType.FLOAT32)) {
            assertDescends(gradientDescent(model, data(), 0.05, 5), 0.05);
        }
    }

    @Test
    void float64ModelsComputeInFloat64() {
        try (GrokModel model = build(small().layerNorm(true), DataType.FLOAT64)) {
            assertPrecision(model, data(), DataType.FLOAT64);
        }
    }

    @Test
    void badOptionsAndInputsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> build(small().dModel(18), DataType.FLOAT32));
        assertTrue(e.getMessage().contains("dModel (18) must be divisible by heads (4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Models.transformer().heads(0));
        assertTrue(e.getMessage().contains("heads"), e.getMessage());
        Examples images = ModelFixtures.features(2, new Shape(4), 2, 0);
        e = assertThrows(IllegalArgumentException.class, () -> small().build(images, DataType.FLOAT32, manager));
        assertTrue(e.getMessage().contains("token inputs"), e.getMessage());
    }
}

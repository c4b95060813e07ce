package dev.grokkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.engine.Grokkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Descriptions, defaults and clear errors for bad hyperparameters and bad arrays. */
class OptimizerSpecTest {

    @Test
    void describeGivesRuleAndHyperparameters() {
        assertEquals("AdamW(lr 0.001, betas (0.9, 0.98), eps 1E-8, weight decay 1)",
                Optimizers.adamW().learningRate(1e-3).weightDecay(1.0).betas(0.9, 0.98).describe());
        assertEquals("AdamW(lr 0.001, betas (0.9, 0.999), eps 1E-8, weight decay 0.01)", Optimizers.adamW().describe());
        assertEquals("Adam(lr 0.001, betas (0.9, 0.999), eps 1E-8, weight decay 0)", Optimizers.adam().describe());
        assertEquals("SGD(lr 0.1, momentum 0.9, weight decay 0.0005)",
                Optimizers.sgd().learningRate(0.1).momentum(0.9).weightDecay(5e-4).describe());
        assertEquals("SGD(lr 0.1, Nesterov momentum 0.9, weight decay 0)",
                Optimizers.sgd().learningRate(0.1).momentum(0.9).nesterov(true).describe());
        assertEquals("Lion(cosine lr 0.0001 to 0 over 1000 steps, betas (0.9, 0.99), weight decay 1)",
                Optimizers.lion().schedule(Schedule.cosine(1e-4, 1000, 0, 0)).weightDecay(1).describe());
        assertEquals("TanhLion(lr 0.0001, betas (0.9, 0.99), temperature 0.5, weight decay 0)",
                Optimizers.tanhLion().temperature(0.5).describe());
        assertEquals("SGLD(lr 0.01, warmup 10, temperature 1E-5, weight decay 0)",
                Optimizers.sgld().schedule(Schedule.warmup(0.01, 10)).temperature(1e-5).describe());
        assertEquals("SGD(custom schedule, weight decay 0)", Optimizers.sgd().schedule(step -> 0.1).describe());
    }

    @Test
    void badHyperparametersAreNamed() {
        assertArgument(() -> Optimizers.adamW().betas(0.9, 1.0), "betas must each be in [0, 1), were (0.9, 1.0)");
        assertArgument(() -> Optimizers.lion().betas(-0.1, 0.99), "betas must each be in [0, 1)");
        assertArgument(() -> Optimizers.tanhLion().betas(Double.NaN, 0.99), "betas must each be in [0, 1)");
        assertArgument(() -> Optimizers.adam().epsilon(0), "epsilon must be positive and finite, was 0.0");
        assertArgument(() -> Optimizers.adam().learningRate(-1e-3), "learning rate must be positive and finite");
        assertArgument(() -> Optimizers.sgd().learningRate(Double.POSITIVE_INFINITY), "learning rate must be");
        assertArgument(() -> Optimizers.sgd().weightDecay(-1), "weightDecay must be finite and >= 0, was -1.0");
        assertArgument(() -> Optimizers.sgd().momentum(1), "momentum must be in [0, 1), was 1.0");
        assertArgument(() -> Optimizers.sgld().temperature(-1), "temperature must be finite and >= 0, was -1.0");
        assertArgument(() -> Optimizers.tanhLion().temperature(Double.NaN), "temperature must be finite and >= 0");
        assertThrows(NullPointerException.class, () -> Optimizers.adam().schedule(null));
        assertState(() -> Optimizers.sgd().nesterov(true).build(), "Nesterov SGD needs momentum > 0");
        assertState(() -> Optimizers.sgld().build(), "SGLD needs a temperature");
    }

    @Test
    void badArraysAndSchedulesAreNamed() {
        try (NDManager m = Grokkit.engine().newBaseManager()) {
            GrokOptimizer sgd = Optimizers.sgd().build();
            NDArray w = m.zeros(new Shape(3), DataType.FLOAT64);
            assertArgument(() -> sgd.update("layer.weight", w, m.zeros(new Shape(4), DataType.FLOAT64)),
                    "gradient of 'layer.weight' has shape (4) but the weight has (3)");
            assertArgument(() -> sgd.update("layer.weight", w, m.zeros(new Shape(3), DataType.FLOAT32)),
                    "gradient of 'layer.weight' is float32 but the weight is float64");
            assertArgument(() -> sgd.update("ids", m.zeros(new Shape(3), DataType.INT32), m.zeros(new Shape(3), DataType.INT32)),
                    "weight of 'ids' must be float32 or float64, was int32");
            GrokOptimizer nan = Optimizers.sgd().schedule(step -> step < 1 ? 0.1 : Double.NaN).build();
            nan.update("w", w, w.onesLike());
            assertState(() -> nan.update("w", w, w.onesLike()),
                    "schedule (custom schedule) gave learning rate NaN at step 1");
            assertEquals(1, nan.counts().get("w"), "a failed update is not counted");
        }
    }

    private static void assertArgument(Executable call, String expected) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertState(Executable call, String expected) {
        var e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

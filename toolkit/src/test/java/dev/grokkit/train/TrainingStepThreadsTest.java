package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.Losses;
import dev.grokkit.model.ModelLoss;
import dev.grokkit.model.ModelSpec;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With passive waiting, a small step runs on one intra-op thread, a large one on the calling thread's, and the calling
 * thread keeps its count either way, also when the step throws. The loss reads the count the
 * step runs on.
 */
class TrainingStepThreadsTest {

    private int seen;

    @BeforeEach
    void twoThreads() {
        assumeTrue(Grokkit.threads() > 1, "needs a machine with 2 or more processors");
        assumeTrue(Grokkit.waitsPassively(), "the rule is for passive waiting, the engine's default");
        Grokkit.useThreadsOnThisThread(2);
    }

    /** Cross-entropy that notes the intra-op threads it runs on. */
    private final Loss noting = loss("noting cross_entropy", (logits, labels) -> {
        seen = Grokkit.threadsOnThisThread();
        return Losses.crossEntropy().compute(logits, labels);
    });

    private static Loss loss(String name, BinaryOperator<NDArray> compute) {
        return new Loss() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public NDArray compute(NDArray logits, NDArray labels) {
                return compute.apply(logits, labels);
            }
        };
    }

    @Test
    void aSmallMlpStepRunsOnOneThread() {
        assertEquals(1, threadsOfAStep(Models.mlp().hidden(32), images(50, 64), noting)); // 0.7 MFLOP
        assertEquals(2, Grokkit.threadsOnThisThread(), "the calling thread's count after the step");
    }

    @Test
    void aLargeMlpStepRunsOnTheCallingThreadsCount() {
        // 6 x 100 x (784 x 1024 + 1024 x 10) = 488 MFLOP
        assertEquals(2, threadsOfAStep(Models.mlp().hidden(1024), images(100, 784), noting));
    }

    @Test
    void uncountedModelsAndModelLossesKeepTheCount() {
        Examples pairs = Examples.ofTokens(new int[] {1, 2, 3, 4}, 2, 7, new int[] {3, 0}, 7);
        assertEquals(2, threadsOfAStep(Models.transformer().layers(1).dModel(8).heads(2).dMlp(16), pairs, noting));
        ModelLoss modelLoss = new ModelLoss() {
            @Override
            public String name() {
                return "model cross_entropy";
            }

            @Override
            public NDArray compute(NDArray logits, NDArray labels) {
                return noting.compute(logits, labels);
            }

            @Override
            public NDArray compute(GrokModel model, NDArray x, NDArray y, boolean training) {
                return noting.compute(model.forward(x, training), y);
            }
        };
        assertEquals(2, threadsOfAStep(Models.mlp().hidden(32), images(50, 64), modelLoss));
    }

    @Test
    void aFailingSmallStepLeavesTheCountAsItWas() {
        Loss failing = loss("failing", (logits, labels) -> {
            throw new IllegalStateException("loss failed");
        });
        assertThrows(IllegalStateException.class, () -> threadsOfAStep(Models.mlp().hidden(32), images(50, 64), failing));
        assertEquals(2, Grokkit.threadsOnThisThread());
    }

    private int threadsOfAStep(ModelSpec spec, Examples batch, Loss loss) {
        seen = 0;
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            GrokModel model = spec.build(batch, DataType.FLOAT32, manager);
            new TrainingStep(model, Optimizers.adamW().build(), loss)
                    .run(batch.inputs(manager, DataType.FLOAT32), batch.labelArray(manager), 0);
        }
        return seen;
    }

    private static Examples images(int n, int features) {
        Random random = new Random(0);
        float[] x = new float[n * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        return Examples.ofFeatures(x, new Shape(features), y, 10);
    }
}

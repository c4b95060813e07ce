package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small data sets and the training checks every model test uses. Temporaries live in an NDScope
 * (closed at the end of each check, hence the "try" lint suppressions).
 */
@SuppressWarnings("try")
final class ModelFixtures {

    private ModelFixtures() {}

    /** n examples of the given shape with U(0, 1) features and labels i mod classes. */
    static Examples features(int n, Shape exampleShape, int classes, long seed) {
        Random random = new Random(seed);
        float[] values = new float[(int) (n * exampleShape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Examples.ofFeatures(values, exampleShape, labels(n, classes), classes);
    }

    /** n sequences of {@code length} uniform tokens from [0, vocabulary), labels i mod classes. */
    static Examples tokens(int n, int length, int vocabulary, int classes, long seed) {
        Random random = new Random(seed);
        int[] ids = new int[n * length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(vocabulary);
        }
        return Examples.ofTokens(ids, length, vocabulary, labels(n, classes), classes);
    }

    private static int[] labels(int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    /** Mean cross-entropy -1/n sum_i log softmax(z_i)[y_i]. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray oneHot = labels.oneHot((int) logits.getShape().get(1), logits.getDataType());
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    /** Backpropagates the loss on the data once and checks every trainable tensor got a nonzero gradient. */
    static void assertGradientsReachEveryParameter(GrokModel model, Examples data) {
        try (NDScope scope = new NDScope(); GradientCollector collector = Grokkit.engine().newGradientCollector()) {
            NDArray x = data.inputs(model.manager(), model.dtype());
            collector.backward(crossEntropy(model.forward(x, true), data.labelArray(model.manager())));
            for (NamedParameter p : model.trainableParameters()) {
                double largest = p.array().getGradient().abs().max().toType(DataType.FLOAT64, false).getDouble();
                assertTrue(largest > 0, "no gradient reaches " + p.name());
            }
            for (NamedParameter p : model.parameters()) {
                if (!p.trainable()) {
                    assertTrue(!p.array().hasGradient(), p.name() + " is not trainable but records a gradient");
                }
            }
        }
    }

    /**
     * Full-batch gradient descent w -= lr grad for {@code steps} steps (no gradient recording
     * during the update); returns the loss before each step and after the last.
     */
    static List<Double> gradientDescent(GrokModel model, Examples data, double lr, int steps) {
        List<Double> losses = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            NDArray x = data.inputs(model.manager(), model.dtype());
            NDArray y = data.labelArray(model.manager());
            for (int step = 0; step < steps; step++) {
                try (GradientCollector collector = Grokkit.engine().newGradientCollector()) {
                    NDArray loss = crossEntropy(model.forward(x, true), y);
                    losses.add(loss.toType(DataType.FLOAT64, false).getDouble());
                    collector.backward(loss);
                }
                for (NamedParameter p : model.trainableParameters()) {
                    NDArray grad = p.array().getGradient();
                    p.array().subi(grad.mul(lr));
                    grad.subi(grad);
                }
            }
            losses.add(crossEntropy(model.forward(x, true), y).toType(DataType.FLOAT64, false).getDouble());
        }
        return losses;
    }

    /** Asserts every step lowered the loss and the whole run lowered it by at least {@code fraction}. */
    static void assertDescends(List<Double> losses, double fraction) {
        for (int i = 1; i < losses.size(); i++) {
            assertTrue(losses.get(i) < losses.get(i - 1), "loss rose at step " + i + ": " + losses);
        }
        double last = losses.get(losses.size() - 1);
        assertTrue(last < (1 - fraction) * losses.get(0), "loss fell too little: " + losses);
    }

    /** Asserts every parameter and the logits are in {@code dtype}. */
    static void assertPrecision(GrokModel model, Examples data, DataType dtype) {
        for (NamedParameter p : model.parameters()) {
            assertEquals(dtype, p.array().getDataType(), p.name());
        }
        try (NDScope scope = new NDScope()) {
            assertEquals(dtype, model.forward(data.inputs(model.manager(), dtype), false).getDataType());
        }
    }

    /** Names of all parameters, in order. */
    static List<String> names(GrokModel model) {
        return model.parameters().stream().map(NamedParameter::name).toList();
    }
}

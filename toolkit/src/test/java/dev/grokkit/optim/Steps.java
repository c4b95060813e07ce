package dev.grokkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.engine.Grokkit;

/** Runs an optimizer on one parameter "w" with explicit gradients, as the training loop would. */
final class Steps {

    private Steps() {}

    /** Weights (as doubles) after each of the steps, float64. */
    static double[][] run(GrokOptimizer optimizer, double[] w0, double[][] grads) {
        return run(optimizer, w0, grads, DataType.FLOAT64);
    }

    /** Weights (as doubles) after each step, with weights and gradients of type {@code type}. */
    static double[][] run(GrokOptimizer optimizer, double[] w0, double[][] grads, DataType type) {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray w = manager.create(w0).toType(type, false);
            double[][] trajectory = new double[grads.length][];
            for (int i = 0; i < grads.length; i++) {
                try (NDScope scope = new NDScope()) {
                    optimizer.update("w", w, manager.create(grads[i]).toType(type, false));
                    scope.suppressNotUsedWarning();
                }
                assertEquals(type, w.getDataType(), "the update must keep the weight's type");
                trajectory[i] = w.toType(DataType.FLOAT64, false).toDoubleArray();
            }
            return trajectory;
        }
    }

    /** Asserts each step's weights agree element-wise within {@code tolerance}. */
    static void assertTrajectory(double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "number of steps");
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                assertEquals(expected[t][i], actual[t][i], tolerance, "step " + (t + 1) + ", element " + i);
            }
        }
    }
}

package dev.grokkit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Distances after known displacements of the parameters: a (3, 4) move is 5 away. */
class ParameterDistanceProbeTest {

    private NDManager manager;
    private Dataset data;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
        Random r = new Random(7);
        int n = 12;
        int d = 3;
        float[] x = new float[n * d];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 4; // each class a quarter of the examples
        }
        Examples ex = Examples.ofFeatures(x, new Shape(d), y, 4);
        data = new Dataset("quarters", ex, ex);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private ProbeContext context(GrokModel model, long step) {
        return new ProbeContext(model, Losses.crossEntropy(), data,
                data.train().inputs(manager, model.dtype()), data.train().labelArray(manager),
                data.test().inputs(manager, model.dtype()), data.test().labelArray(manager), step, 10, 5);
    }

    /** Logits weight 0 and bias favouring class 0: every example predicted 0, train accuracy 1/4. */
    private static void predictClassZero(GrokModel model) {
        model.parameter("logits.weight").array().set(new NDIndex(":"), 0);
        NDArray bias = model.parameter("logits.bias").array();
        bias.set(new NDIndex(":"), 0);
        bias.set(new NDIndex(0), 1);
    }

    @Test
    void distancesFromInitializationAndMemorization() {
        Grokkit.seed(1);
        try (GrokModel model = Models.mlp().hidden(5).build(data.train(), DataType.FLOAT64, manager)) {
            predictClassZero(model);
            ParameterDistanceProbe memorizesAtOnce = Probes.parameterDistance(0.25);
            ParameterDistanceProbe neverMemorizes = Probes.parameterDistance(0.5);
            double[] atStart = memorizesAtOnce.measure(context(model, 0));
            assertEquals(0, atStart[0], 0);
            assertEquals(0, atStart[1], 0);
            assertTrue(Double.isNaN(neverMemorizes.measure(context(model, 0))[1]));

            // move two weights of the hidden layer by 3 and 4: distance 5 from both references
            NDArray w = model.parameter("hidden1.weight").array();
            w.set(new NDIndex(0, 0), w.getDouble(0, 0) + 3);
            w.set(new NDIndex(1, 2), w.getDouble(1, 2) - 4);
            double[] moved = memorizesAtOnce.measure(context(model, 5));
            assertEquals(5, moved[0], 1e-12);
            assertEquals(5, moved[1], 1e-12);
            double[] unmemorized = neverMemorizes.measure(context(model, 5));
            assertEquals(5, unmemorized[0], 1e-12);
            assertTrue(Double.isNaN(unmemorized[1]));

            // a probe whose first measurement is not at step 0 (a resumed run) has no initialization
            ParameterDistanceProbe resumed = Probes.parameterDistance(0.25);
            double[] late = resumed.measure(context(model, 5));
            assertTrue(Double.isNaN(late[0]));
            assertEquals(0, late[1], 0);

            // step 0 again starts a new run: both references reset to the current parameters
            assertEquals(0, memorizesAtOnce.measure(context(model, 0))[0], 0);
        }
    }

    @Test
    void rejectsThresholdOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Probes.parameterDistance(0));
        assertThrows(IllegalArgumentException.class, () -> Probes.parameterDistance(1.5));
    }
}

package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Identity is what determines the history: the data's values, not its name; the budget is not part of it. */
class ExperimentIdentityTest {

    /** 40,000 two-feature examples (more values than one digest buffer holds); the last feature set to {@code last}. */
    private static Dataset data(float last) {
        int n = 40_000;
        float[] x = new float[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        x[x.length - 1] = last;
        int[] y = IntStream.range(0, n).map(i -> i % 2).toArray();
        Examples all = Examples.ofFeatures(x, new Shape(2), y, 2);
        return new Dataset("same name", all.select(IntStream.range(0, n - 10).toArray()),
                all.select(IntStream.range(n - 10, n).toArray()));
    }

    private static ExperimentIdentity identity(Dataset data, long steps) {
        return ExperimentIdentity.of(Experiment.builder().data(data).model(Models.mlp().hidden(4))
                .optimizer(Optimizers.sgd().learningRate(0.1)).steps(steps).quiet().build());
    }

    @Test
    void theDataEntersByItsValuesAndTheBudgetDoesNotEnter() {
        ExperimentIdentity a = identity(data(1), 10);
        assertEquals(List.of(), a.differencesFrom(identity(data(1), 99)));
        List<String> differences = a.differencesFrom(identity(data(2), 10));
        assertEquals(1, differences.size(), differences.toString());
        assertEquals("data", differences.get(0).substring(0, 4));
    }

    @Test
    void anIdentityReadBackFromACheckpointEqualsTheOneWritten() {
        ExperimentIdentity a = identity(data(1), 10);
        Properties props = new Properties();
        a.addTo(props);
        assertEquals(List.of(), ExperimentIdentity.from(props).differencesFrom(a));
        props.remove("identity.seed");
        assertEquals("has no identity.seed", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ExperimentIdentity.from(props)).getMessage());
    }
}

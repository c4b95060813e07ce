package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void oneSummaryRowAndHistoryPerValue() {
        Sweep.Result result = Sweep.over("budget", List.of(5L, 10L), (Long n) -> Experiment.builder()
                .data(TinyTasks.blobs(40, 1)).model(Models.mlp().hidden(4))
                .optimizer(Optimizers.sgd().learningRate(0.1)).steps(n).logEvery(5).quiet().build()).run();
        assertEquals(List.of("5", "10"), result.values());
        assertEquals(2, result.summary().rowCount());
        assertEquals(10, result.summary().intColumn("steps").getInt(1));
        assertEquals(3, result.histories().get("10").rowCount());
        assertEquals(result.histories().get("10").last("test_acc"),
                result.summary().doubleColumn("final_test_acc").getDouble(1));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("x", List.of(), v -> null));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("steps", List.of(1), v -> null));
    }
}

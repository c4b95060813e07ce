package dev.grokkit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.engine.Grokkit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Counts and slots are exposed, and restoring them into a fresh optimizer continues exactly. */
class OptimizerStateTest {

    static Stream<OptimizerSpec> specs() {
        Schedule warmup = Schedule.warmup(0.05, 4);
        return Stream.of(
                Optimizers.sgd().schedule(warmup).momentum(0.9).nesterov(true).weightDecay(1e-2),
                Optimizers.adam().schedule(warmup).weightDecay(0.1),
                Optimizers.adamW().schedule(warmup).betas(0.9, 0.98).weightDecay(1.0),
                Optimizers.lion().schedule(warmup).weightDecay(0.5),
                Optimizers.tanhLion().schedule(warmup).temperature(0.5),
                Optimizers.sgld().schedule(warmup).temperature(0));
    }

    /** Two parameters, "a" (3) and "b" (2 x 2), with deterministic gradients that depend on the step and weight. */
    private static void train(GrokOptimizer optimizer, NDArray a, NDArray b, int fromStep, int toStep) {
        for (int step = fromStep; step < toStep; step++) {
            try (NDScope scope = new NDScope()) {
                optimizer.update("a", a, a.mul(0.5).addi(Math.sin(step + 1.0)));
                optimizer.update("b", b, b.pow(3).subi(Math.cos(2.0 * step)));
                scope.suppressNotUsedWarning();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void restoredOptimizerContinuesLikeUninterrupted(OptimizerSpec spec) {
        try (NDManager manager = Grokkit.engine().newBaseManager();
                NDManager checkpoint = Grokkit.engine().newBaseManager()) {
            NDArray a0 = manager.create(new double[] {0.3, -0.7, 1.1});
            NDArray b0 = manager.create(new double[] {0.2, -0.4, 0.9, -1.3}, new Shape(2, 2));

            GrokOptimizer straight = spec.build();
            NDArray a = a0.duplicate();
            NDArray b = b0.duplicate();
            train(straight, a, b, 0, 6);
            assertEquals(Map.of("a", 6, "b", 6), straight.counts());
            Set<String> expectedSlots = new HashSet<>();
            for (String kind : straight.slotKinds()) {
                expectedSlots.add("a#" + kind);
                expectedSlots.add("b#" + kind);
            }
            assertEquals(expectedSlots, straight.slots().keySet());

            GrokOptimizer first = spec.build();
            NDArray a2 = a0.duplicate();
            NDArray b2 = b0.duplicate();
            train(first, a2, b2, 0, 2);
            Map<String, Integer> savedCounts = Map.copyOf(first.counts());
            Map<String, NDArray> savedSlots = new LinkedHashMap<>();
            first.slots().forEach((k, v) -> savedSlots.put(k, checkpoint.create(v.toDoubleArray(), v.getShape())));

            GrokOptimizer resumed = spec.build();
            resumed.restore(savedCounts, savedSlots);
            savedSlots.values().forEach(NDArray::close);
            train(resumed, a2, b2, 2, 6);

            assertArrayEquals(a.toDoubleArray(), a2.toDoubleArray(), 0.0, spec.describe());
            assertArrayEquals(b.toDoubleArray(), b2.toDoubleArray(), 0.0, spec.describe());
            assertEquals(straight.counts(), resumed.counts());
        }
    }

    /** Without any scope of the caller's: update() frees its own temporaries. */
    @ParameterizedTest
    @MethodSource("specs")
    void updatesKeepMemoryFlat(OptimizerSpec spec) {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray w = manager.create(new double[] {0.3, -0.7, 1.1});
            GrokOptimizer optimizer = spec.build();
            int before = manager.getManagedArrays().size();
            for (int step = 0; step < 30; step++) {
                try (NDManager gradients = Grokkit.engine().newBaseManager()) {
                    optimizer.update("w", w, gradients.create(new double[] {0.1, step, -0.2}));
                }
            }
            assertEquals(before + optimizer.slotKinds().size(), manager.getManagedArrays().size(),
                    "arrays alive in the weight's manager: the weight and its slots");
        }
    }

    @Test
    void restoreRejectsForeignSlotsAndBadCounts() {
        GrokOptimizer lion = Optimizers.lion().build();
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray zeros = manager.zeros(new Shape(3));
            var e = assertThrows(IllegalArgumentException.class,
                    () -> lion.restore(Map.of("w", 1), Map.of("w#v", zeros)));
            assertTrue(e.getMessage().contains("'w#v'") && e.getMessage().contains("[m]"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> lion.restore(Map.of("w", 0), Map.of()));
            assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains(">= 1"), e.getMessage());
        }
    }

    @Test
    void restoredSlotOfAnotherShapeIsAClearError() {
        GrokOptimizer adam = Optimizers.adam().build();
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            adam.restore(Map.of("w", 3), Map.of("w#m", manager.zeros(new Shape(4)), "w#v", manager.zeros(new Shape(4))));
            NDArray w = manager.zeros(new Shape(3));
            var e = assertThrows(IllegalStateException.class, () -> adam.update("w", w, w.onesLike()));
            assertTrue(e.getMessage().contains("'w#m'") && e.getMessage().contains("(4)")
                    && e.getMessage().contains("(3)"), e.getMessage());
        }
    }

    @Test
    void slotKindsNameTheState() {
        assertEquals(List.of(), Optimizers.sgd().build().slotKinds());
        assertEquals(List.of("momentum"), Optimizers.sgd().momentum(0.5).build().slotKinds());
        assertEquals(List.of("m", "v"), Optimizers.adamW().build().slotKinds());
        assertEquals(List.of("m"), Optimizers.lion().build().slotKinds());
        assertEquals(List.of("m", "noise"), Optimizers.tanhLion().build().slotKinds());
        assertEquals(List.of(), Optimizers.sgld().temperature(1).build().slotKinds());
    }
}

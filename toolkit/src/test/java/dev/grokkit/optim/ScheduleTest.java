package dev.grokkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void constantIsTheSameEveryStep() {
        Schedule s = Schedule.constant(0.003);
        assertEquals(0.003, s.at(0));
        assertEquals(0.003, s.at(1_000_000));
        assertEquals("lr 0.003", s.describe());
    }

    @Test
    void warmupRisesLinearlyThenHolds() {
        Schedule s = Schedule.warmup(1.0, 10);
        assertEquals(0.1, s.at(0), 1e-15);
        assertEquals(0.5, s.at(4), 1e-15);
        assertEquals(1.0, s.at(9), 1e-15);
        assertEquals(1.0, s.at(500), 1e-15);
        assertEquals("lr 1, warmup 10", s.describe());
    }

    @Test
    void cosineWarmsUpThenDecaysToMinimum() {
        Schedule s = Schedule.cosine(1.0, 110, 10, 0.1);
        assertEquals(0.1, s.at(0), 1e-15);
        assertEquals(1.0, s.at(9), 1e-15);
        assertEquals(1.0, s.at(10), 1e-15);
        // halfway through the decay: cos(pi / 2) = 0, so (1 + 0.1) / 2
        assertEquals(0.55, s.at(60), 1e-15);
        // a quarter: 0.1 + 0.9 (1 + cos(pi / 4)) / 2
        assertEquals(0.1 + 0.45 * (1 + Math.sqrt(0.5)), s.at(35), 1e-15);
        assertEquals(0.1, s.at(110), 1e-15);
        assertEquals(0.1, s.at(10_000), 1e-15);
        assertEquals(2.0, Schedule.cosine(2.0, 100, 0, 0).at(0), 1e-15);
        assertEquals("cosine lr 1 to 0.1 over 110 steps, warmup 10", s.describe());
    }

    /** The optimizer takes the learning rate of the 0-based step: g = 1 makes w_t = -sum of the rates. */
    @Test
    void optimizerUsesTheRateOfEachStep() {
        double[][] ones = {{1}, {1}, {1}, {1}};
        double[][] w = Steps.run(Optimizers.sgd().schedule(Schedule.warmup(1.0, 4)).build(), new double[] {0}, ones);
        assertEquals(-0.25, w[0][0], 1e-15);
        assertEquals(-0.25 - 0.5, w[1][0], 1e-15);
        assertEquals(-0.25 - 0.5 - 0.75 - 1.0, w[3][0], 1e-15);
        double[][] custom = Steps.run(Optimizers.sgd().schedule(step -> step == 0 ? 0 : 2).build(), new double[] {0}, ones);
        assertEquals(0.0, custom[0][0]);
        assertEquals(-2.0, custom[1][0]);
    }

    @Test
    void badSchedulesAreNamed() {
        assertMessage(() -> Schedule.constant(0), "learning rate must be positive and finite, was 0.0");
        assertMessage(() -> Schedule.constant(Double.NaN), "learning rate must be positive and finite, was NaN");
        assertMessage(() -> Schedule.warmup(1, 0), "warmupSteps must be positive, was 0");
        assertMessage(() -> Schedule.cosine(1, 100, 100, 0), "warmupSteps must be in [0, totalSteps=100), was 100");
        assertMessage(() -> Schedule.cosine(1, 100, 0, 2), "minLr must be in [0, lr=1.0], was 2.0");
        assertMessage(() -> Schedule.cosine(1, 0, 0, 0), "totalSteps must be positive, was 0");
    }

    private static void assertMessage(Runnable r, String expected) {
        var e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

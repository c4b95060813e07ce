package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class LearningPhaseRuleTest {

    private static final LearningPhaseRule RULE = new LearningPhaseRule(0.99, 0.8, 2);

    private static Table history(double[] train, double[] test) {
        return AccuracyHistories.every100(train, test);
    }

    @Test
    void generalizingWithTheTrainingSetIsComprehension() {
        // t_mem 200, t_gen 300 <= 2 * 200
        assertEquals(LearningPhase.COMPREHENSION, RULE.classify(history(new double[] {0.1, 0.5, 1, 1, 1},
                new double[] {0.1, 0.4, 0.7, 0.85, 0.9})));
        // generalized without ever fitting the training set to 0.99
        assertEquals(LearningPhase.COMPREHENSION, RULE.classify(history(new double[] {0.1, 0.9, 0.95},
                new double[] {0.1, 0.8, 0.9})));
    }

    @Test
    void generalizingLongAfterFittingIsGrokking() {
        // t_mem 100, t_gen 300 > 2 * 100
        assertEquals(LearningPhase.GROKKING, RULE.classify(history(new double[] {0.1, 1, 1, 1},
                new double[] {0.1, 0.2, 0.5, 0.8})));
        // exactly at the factor is still comprehension: t_gen 200 = 2 * 100
        assertEquals(LearningPhase.COMPREHENSION, RULE.classify(history(new double[] {0.1, 1, 1},
                new double[] {0.1, 0.2, 0.8})));
    }

    @Test
    void fittingWithoutGeneralizingIsMemorizationAndNeitherIsConfusion() {
        assertEquals(LearningPhase.MEMORIZATION, RULE.classify(history(new double[] {0.1, 1, 1, 1},
                new double[] {0.1, 0.2, 0.3, 0.79})));
        assertEquals(LearningPhase.CONFUSION, RULE.classify(history(new double[] {0.1, 0.5, 0.98},
                new double[] {0.1, 0.3, 0.5})));
    }

    @Test
    void badRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LearningPhaseRule(1.5, 0.8, 2));
        assertThrows(IllegalArgumentException.class, () -> new LearningPhaseRule(0.99, 0.8, 0.5));
        assertEquals("grokking", LearningPhase.GROKKING.toString());
    }
}

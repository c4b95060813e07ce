package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.ModularArithmetic.Form;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModularArithmeticTest {

    /** The pairs (as "x,y") of token examples. */
    private static Set<String> pairs(Examples examples) {
        int length = (int) examples.exampleShape().get(0);
        int[] tokens = examples.tokens();
        Set<String> set = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            set.add(tokens[i * length] + "," + tokens[i * length + 1]);
        }
        assertEquals(examples.size(), set.size(), "no pair repeats");
        return set;
    }

    @Test
    void tokensFormIsXYEqualsWithLabels() {
        Dataset data = ModularArithmetic.builder().modulus(97).operation(Operation.ADD).trainFraction(0.3).seed(0)
                .form(Form.TOKENS).build();
        assertEquals("x+y mod 97 (30% train)", data.name());
        assertEquals(Math.round(0.3 * 97 * 97), data.train().size());
        assertEquals(97 * 97 - Math.round(0.3 * 97 * 97), data.test().size());
        assertEquals(new Shape(3), data.train().exampleShape());
        assertEquals(98, data.train().vocabularySize());
        assertEquals(97, data.numClasses());
        int[] tokens = data.test().tokens();
        for (int i = 0; i < data.test().size(); i++) {
            assertEquals(97, tokens[3 * i + 2], "'=' token");
            assertEquals((tokens[3 * i] + tokens[3 * i + 1]) % 97, data.test().label(i));
        }
    }

    @Test
    void pairsFormHasVocabularyP() {
        Examples all = ModularArithmetic.builder().modulus(5).operation(Operation.MULTIPLY).form(Form.PAIRS).task()
                .allPairs();
        assertEquals(new Shape(2), all.exampleShape());
        assertEquals(5, all.vocabularySize());
        assertEquals(25, all.size());
        // row-major: pair 13 is (2, 3), label 6 mod 5
        assertArrayEquals(new int[] {2, 3}, all.select(new int[] {13}).tokens());
        assertEquals(1, all.label(13));
    }

    @Test
    void splitIsDisjointCoversAllPairsAndHasTheFractionToRounding() {
        for (double fraction : new double[] {0.05, 0.3, 0.5, 0.77}) {
            ModularArithmetic task = ModularArithmetic.builder().modulus(23).operation(Operation.SUBTRACT).task();
            Dataset data = task.split(fraction, 3);
            assertEquals(Math.round(fraction * 529), data.train().size(), "fraction " + fraction);
            Set<String> train = pairs(data.train());
            Set<String> test = pairs(data.test());
            Set<String> union = new HashSet<>(train);
            union.addAll(test);
            assertEquals(529, union.size(), "train and test are disjoint and cover all pairs");
            assertEquals(pairs(task.allPairs()), union);
        }
    }

    @Test
    void seedDecidesTheSplit() {
        var builder = ModularArithmetic.builder().modulus(13).trainFraction(0.4);
        Dataset a = builder.seed(1).build();
        Dataset b = builder.seed(1).build();
        Dataset c = builder.seed(2).build();
        assertArrayEquals(a.train().tokens(), b.train().tokens());
        assertArrayEquals(a.test().tokens(), b.test().tokens());
        assertEquals(a.train().size(), c.train().size());
        assertNotEquals(pairs(a.train()), pairs(c.train()));
    }

    @Test
    void divisionExcludesZeroDivisorAndNeedsPrime() {
        ModularArithmetic task = ModularArithmetic.builder().modulus(7).operation(Operation.DIVIDE).task();
        assertEquals(42, task.pairCount());
        Examples all = task.allPairs();
        int[] tokens = all.tokens();
        for (int i = 0; i < all.size(); i++) {
            int x = tokens[3 * i];
            int y = tokens[3 * i + 1];
            assertTrue(y != 0);
            assertEquals(x, Math.floorMod(all.label(i) * y, 7), "label * y = x");
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> ModularArithmetic.builder().modulus(96).operation(Operation.DIVIDE).build());
        assertTrue(e.getMessage().contains("x/y") && e.getMessage().contains("96 is not prime"), e.getMessage());
    }

    @Test
    void indexLookupAndSwap() {
        ModularArithmetic task = ModularArithmetic.builder().modulus(11).operation(Operation.SUBTRACT).task();
        int[] tokens = task.allPairs().tokens();
        for (int i = 0; i < task.pairCount(); i++) {
            int x = tokens[3 * i];
            int y = tokens[3 * i + 1];
            assertEquals(i, task.indexOf(x, y));
            assertEquals(x, task.firstOperand(i));
            assertEquals(y, task.secondOperand(i));
            int j = task.swappedIndex(i);
            assertEquals(y, tokens[3 * j]);
            assertEquals(x, tokens[3 * j + 1]);
        }
        ModularArithmetic division = ModularArithmetic.builder().modulus(5).operation(Operation.DIVIDE).task();
        assertEquals(0, division.indexOf(0, 1));
        assertEquals(division.indexOf(3, 2), division.swappedIndex(division.indexOf(2, 3)));
        var e = assertThrows(IllegalArgumentException.class, () -> division.swappedIndex(division.indexOf(0, 3)));
        assertTrue(e.getMessage().contains("(3, 0) is not a pair of x/y mod 5"), e.getMessage());
    }

    @Test
    void invalidSettingsGiveClearMessages() {
        var b = ModularArithmetic.builder();
        assertMessage(() -> b.modulus(1), "modulus must lie in [2, 2048], was 1");
        assertMessage(() -> b.modulus(5000), "was 5000");
        assertMessage(() -> b.trainFraction(0), "trainFraction must lie strictly between 0 and 1, was 0.0");
        assertMessage(() -> b.trainFraction(1), "was 1.0");
        assertMessage(() -> b.trainFraction(Double.NaN), "was NaN");
        assertMessage(() -> b.modulus(3).trainFraction(0.01).build(), "gives 0 training examples");
        assertThrows(NullPointerException.class, () -> b.operation(null));
        assertMessage(() -> b.modulus(3).task().indexOf(3, 0), "(3, 0) is not a pair");
    }

    @Test
    void twoIsTheSmallestPrime() {
        assertTrue(ModularArithmetic.isPrime(2));
        assertTrue(ModularArithmetic.isPrime(97));
        assertFalse(ModularArithmetic.isPrime(1));
        assertFalse(ModularArithmetic.isPrime(91)); // 7 * 13
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}

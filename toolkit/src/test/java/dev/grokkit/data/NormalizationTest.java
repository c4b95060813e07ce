package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Normalization.Scope;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    /** Two examples of shape (2, 2): channel 0 holds 1, 3 and 5, 7; channel 1 holds 10 everywhere. */
    private static final Examples TRAIN = Examples.ofFeatures(
            new float[] {1, 3, 10, 10, 5, 7, 10, 10}, new Shape(2, 2), new int[] {0, 1}, 2);

    @Test
    void globalStatisticsByHand() {
        Normalization n = Normalization.fit(TRAIN, Scope.GLOBAL);
        // mean (1+3+5+7+4*10)/8 = 7; squared deviations 36+16+4+0+4*9 = 92, std sqrt(92/8)
        assertArrayEquals(new double[] {7}, n.means(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(11.5)}, n.stds(), 1e-12);
        Examples test = Examples.ofFeatures(new float[] {7, 7 + (float) Math.sqrt(11.5), 0, 7}, new Shape(2, 2),
                new int[] {1}, 2);
        assertArrayEquals(new float[] {0, 1, (float) (-7 / Math.sqrt(11.5)), 0}, n.apply(test).features(), 1e-6f);
    }

    @Test
    void perChannelStatisticsAndConstantChannel() {
        Normalization n = Normalization.fit(TRAIN, Scope.PER_CHANNEL);
        // channel 0: mean 4, std sqrt((9+1+1+9)/4) = sqrt(5); channel 1 constant: std 0, only centred
        assertArrayEquals(new double[] {4, 10}, n.means(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(5), 0}, n.stds(), 1e-12);
        float s = (float) Math.sqrt(5);
        assertArrayEquals(new float[] {-3 / s, -1 / s, 0, 0, 1 / s, 3 / s, 0, 0}, n.apply(TRAIN).features(), 1e-6f);
        var e = assertThrows(IllegalArgumentException.class, () -> n.apply(TRAIN.flatten()));
        assertEquals("this per-channel normalization was fitted on examples of shape (2, 2), not (4)", e.getMessage());
    }

    @Test
    void standardizedTrainingImagesHaveMeanZeroAndStdOne() {
        Dataset data = ImageSets.digits(1000, 0);
        for (Scope scope : Scope.values()) {
            Normalization n = Normalization.fit(data.train(), scope);
            Normalization again = Normalization.fit(n.apply(data.train()), Scope.GLOBAL);
            assertEquals(0, again.means()[0], 1e-5, scope.toString());
            assertEquals(1, again.stds()[0], 1e-5, scope.toString());
        }
        // per pixel (flat vectors): every non-constant pixel has mean 0 and std 1
        Examples flat = data.train().flatten();
        Normalization perPixel = Normalization.fit(flat, Scope.PER_CHANNEL);
        Normalization after = Normalization.fit(perPixel.apply(flat), Scope.PER_CHANNEL);
        for (int pixel = 0; pixel < 64; pixel++) {
            assertEquals(0, after.means()[pixel], 1e-5, "mean of pixel " + pixel);
            assertEquals(perPixel.stds()[pixel] > 0 ? 1 : 0, after.stds()[pixel], 1e-5, "std of pixel " + pixel);
        }
    }

    @Test
    void tokensCannotBeStandardized() {
        Examples tokens = ModularArithmetic.builder().modulus(3).task().allPairs();
        var e = assertThrows(IllegalStateException.class, () -> Normalization.fit(tokens, Scope.GLOBAL));
        assertEquals("these examples hold tokens, not features", e.getMessage());
    }
}

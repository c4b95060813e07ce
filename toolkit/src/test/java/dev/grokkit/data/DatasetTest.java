package dev.grokkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void omnigrokPipelineTakesTheFirstTrainingImagesAndFlattens() {
        Dataset subset = ImageSets.fashionMnistSubset();
        Dataset data = subset.firstTrain(1000).flatten();
        assertEquals("Fashion-MNIST subset (first 1000 train)", data.name());
        assertEquals(1000, data.train().size());
        assertEquals(new Shape(784), data.train().exampleShape());
        assertEquals(1000, data.test().size());
        assertArrayEquals(subset.train().first(1000).features(), data.train().features());
        assertArrayEquals(subset.test().features(), data.test().features());
    }

    @Test
    void randomTrainKeepsTheTestSet() {
        Dataset digits = ImageSets.digits();
        Dataset data = digits.randomTrain(100, 3);
        assertEquals(100, data.train().size());
        assertArrayEquals(digits.train().random(100, 3).features(), data.train().features());
        assertArrayEquals(digits.test().labels(), data.test().labels());
    }

    @Test
    void standardizeUsesTrainingStatisticsForBoth() {
        Dataset digits = ImageSets.digits();
        Dataset data = digits.standardize(Normalization.Scope.GLOBAL);
        Normalization fitted = Normalization.fit(digits.train(), Normalization.Scope.GLOBAL);
        assertArrayEquals(fitted.apply(digits.test()).features(), data.test().features());
        assertEquals(0, Normalization.fit(data.train(), Normalization.Scope.GLOBAL).means()[0], 1e-5);
    }

    @Test
    void emptyPartsAreRefusedAndNamed() {
        Examples digits = ImageSets.allDigits();
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", digits.first(0), digits.first(10)));
        assertEquals("d: the train part has no examples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dataset("d", digits.first(10), digits.first(0)));
        assertEquals("d: the test part has no examples (its metrics would all be NaN)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImageSets.digits().firstTrain(0));
        assertTrue(e.getMessage().endsWith(": the train part has no examples"), e.getMessage());
    }
}

package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.model.ModelSpec;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data whose train and test parts disagree is refused when the dataset is made; a model that does
 * not fit the data (tokens to an image model, images to a token model, an image shape that is not
 * the data's) fails when the run starts, naming what it needs, before any step or checkpoint.
 */
class ShapeMismatchTest {

    private static Examples tokens(int vocabulary, int classes) {
        return Examples.ofTokens(new int[] {0, 1, 1, 0}, 2, vocabulary, new int[] {1, 0}, classes);
    }

    private static Examples features(int dims, int classes) {
        return Examples.ofFeatures(new float[2 * dims], new Shape(dims), new int[] {0, 1}, classes);
    }

    private static String refused(Examples train, Examples test) {
        return assertThrows(IllegalArgumentException.class, () -> new Dataset("d", train, test)).getMessage();
    }

    @Test
    void trainAndTestMustAgree() {
        assertEquals("d: train examples have shape (4) but test examples (9)", refused(features(4, 2), features(9, 2)));
        assertEquals("d: train examples are tokens but test examples real-valued", refused(tokens(5, 2), features(2, 2)));
        assertEquals("d: train examples have 2 classes but test examples 3", refused(features(4, 2), features(4, 3)));
        assertEquals("d: train tokens come from a vocabulary of 5 but test tokens from 7", refused(tokens(5, 2), tokens(7, 2)));
    }

    @Test
    void aModelThatDoesNotFitTheDataFailsBeforeTheFirstStep(@TempDir Path dir) {
        Dataset tokenData = TinyTasks.modularAddition(5, 0.6, 0);
        Dataset flat = TinyTasks.blobs(40, 0);
        Map<String, Object[]> cases = Map.of(
                "an MLP needs real-valued inputs", new Object[] {Models.mlp().hidden(4), tokenData},
                "an embedding MLP needs token inputs", new Object[] {Models.embeddingMlp().hidden(4), flat},
                "a transformer needs token inputs (n, L), got examples of shape (2)",
                new Object[] {Models.transformer().layers(1).dModel(8).heads(2).dMlp(8), flat},
                "needs image inputs, got tokens", new Object[] {Models.resnet(), tokenData},
                "are not (C, H, W) images", new Object[] {Models.vit(), flat},
                "imageShape 1x3x3 does not match the inputs' example shape (2)",
                new Object[] {Models.resnet().imageShape(1, 3, 3), flat});
        cases.forEach((message, c) -> {
            Path checkpoints = dir.resolve(Integer.toString(message.hashCode()));
            Experiment experiment = Experiment.builder().data((Dataset) c[1]).model((ModelSpec) c[0])
                    .optimizer(Optimizers.sgd().learningRate(0.1)).steps(5).checkpoints(checkpoints, 1).quiet().build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, experiment::run, message);
            assertTrue(e.getMessage().contains(message), e.getMessage());
            assertFalse(Files.exists(checkpoints), "nothing written for: " + message);
        });
    }
}

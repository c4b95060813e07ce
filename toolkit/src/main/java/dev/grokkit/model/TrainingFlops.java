package dev.grokkit.model;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The floating-point operations of one training step (forward and backward pass) of an MLP or an
 * embedding MLP, counted in its products, the step's dominant work: a dense layer with an
 * out x in weight costs 2 in out per row forward and twice that backward (its input's and its
 * weight's gradients), 6 in out per row in all. Its rows are the step's examples, except for a
 * dense layer after a concatenating embedding, which the forward pass runs on the embedding's V
 * table rows and then gathers ({@link StagedBlock}): 6 V in out per step, whatever the examples.
 * So a step on n examples costs {@code perStep + perExample n}. Elementwise work (activations,
 * gathers, the loss, the optimizer) is not counted.
 */
public record TrainingFlops(double perStep, double perExample) {

    /** The FLOPs of a step on {@code examples} examples. */
    public double of(long examples) {
        return perStep + perExample * examples;
    }

    /**
     * The count for {@code model}, or empty when it has stages other than a leading flatten,
     * dense layers and a concatenating embedding before a dense layer (convolutions, attention,
     * ...), whose work per parameter depends on the sizes of their inputs.
     */
    public static Optional<TrainingFlops> of(GrokModel model) {
        List<String> names = model.block().stageNames();
        List<Block> blocks = new ArrayList<>(model.block().getChildren().values());
        double perStep = 0;
        double perExample = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof DenseLayer) {
                perExample += 6.0 * weightSize(model, names.get(i));
            } else if (block instanceof EmbeddingLayer embedding && embedding.concatenates() && i + 1 < blocks.size()
                    && blocks.get(i + 1) instanceof DenseLayer) {
                long vocabulary = model.parameter(names.get(i) + ".weight").shape().get(0);
                perStep += 6.0 * vocabulary * weightSize(model, names.get(i + 1));
                i++;
            } else if (!(i == 0 && block.getDirectParameters().isEmpty() && block.getChildren().isEmpty())) {
                return Optional.empty();
            }
        }
        return Optional.of(new TrainingFlops(perStep, perExample));
    }

    /** in x out of a dense stage's weight. */
    private static double weightSize(GrokModel model, String stage) {
        return model.parameter(stage + ".weight").shape().size();
    }
}

package dev.grokkit.model;

import dev.grokkit.data.Examples;

/**
 * The embedding MLP for modular arithmetic: one embedding table shared by the operands, their
 * vectors concatenated (stage "embedding"), one or more nonlinear hidden layers ("hidden1", ...)
 * and the logits over the p residues.
 */
public final class EmbeddingMlpSpec extends AbstractModelSpec<EmbeddingMlpSpec> {

    private int embeddingDim = 128;
    private int[] hidden = {512};
    private Nonlinearity activation = Nonlinearity.RELU;

    public EmbeddingMlpSpec embeddingDim(int d) {
        if (d <= 0) {
            throw new IllegalArgumentException("embeddingDim must be positive, was " + d);
        }
        this.embeddingDim = d;
        return this;
    }

    public EmbeddingMlpSpec hidden(int... widths) {
        this.hidden = positiveWidths("hidden widths", widths);
        return this;
    }

    public EmbeddingMlpSpec activation(Nonlinearity activation) {
        this.activation = activation;
        return this;
    }

    @Override
    protected EmbeddingMlpSpec self() {
        return this;
    }

    @Override
    protected StagedBlock createBlock(Examples sample) {
        if (!sample.isTokens()) {
            throw new IllegalArgumentException("an embedding MLP needs token inputs, e.g. ModularArithmetic");
        }
        StagedBlock block = new StagedBlock()
                .add("embedding", new EmbeddingLayer(sample.vocabularySize(), embeddingDim, true));
        for (int i = 0; i < hidden.length; i++) {
            block.add("hidden" + (i + 1), new DenseLayer(hidden[i], true, activation));
        }
        return block.add("logits", new DenseLayer(sample.numClasses(), true, Nonlinearity.IDENTITY));
    }

    @Override
    public String describe() {
        return "embedding MLP d=" + embeddingDim + ", hidden " + java.util.Arrays.toString(hidden) + ", "
                + activation + scaleSuffix();
    }
}

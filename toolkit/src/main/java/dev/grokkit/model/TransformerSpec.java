package dev.grokkit.model;

import dev.grokkit.data.Examples;
import java.util.Objects;

/**
 * A decoder-only transformer on token sequences (n, L) whose logits are read from the last
 * position. The defaults are the grokking transformer of the benchmark peer (Nanda et al. 2023):
 * one layer, d = 128, 4 heads, d_mlp = 512, ReLU, causal attention without biases, no LayerNorm.
 * Stages: "embedding" (tokens + positions, (n, L, d)), "block0".."block{K-1}" (the residual
 * stream after each block) and "logits". With {@code layerNorm(true)} each block is pre-LN and a
 * final LayerNorm precedes the unembedding.
 */
public final class TransformerSpec extends AbstractModelSpec<TransformerSpec> {

    private int layers = 1;
    private int dModel = 128;
    private int heads = 4;
    private int dMlp = 512;
    private boolean layerNorm = false;
    private boolean causal = true;
    private Nonlinearity activation = Nonlinearity.RELU;

    public TransformerSpec layers(int layers) {
        this.layers = positive("layers", layers);
        return this;
    }

    /** The residual stream width d; must be divisible by {@link #heads}. */
    public TransformerSpec dModel(int dModel) {
        this.dModel = positive("dModel", dModel);
        return this;
    }

    public TransformerSpec heads(int heads) {
        this.heads = positive("heads", heads);
        return this;
    }

    /** The hidden width of each block's MLP. */
    public TransformerSpec dMlp(int dMlp) {
        this.dMlp = positive("dMlp", dMlp);
        return this;
    }

    public TransformerSpec layerNorm(boolean layerNorm) {
        this.layerNorm = layerNorm;
        return this;
    }

    /** Whether position i attends only to positions 0..i (default true). */
    public TransformerSpec causal(boolean causal) {
        this.causal = causal;
        return this;
    }

    /** The MLP nonlinearity (default ReLU). */
    public TransformerSpec activation(Nonlinearity activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
        return this;
    }

    @Override
    protected TransformerSpec self() {
        return this;
    }

    @Override
    protected StagedBlock createBlock(Examples sample) {
        if (!sample.isTokens()) {
            throw new IllegalArgumentException(
                    "a transformer needs token inputs (n, L), got examples of shape " + sample.exampleShape()
                            + "; for images use Models.vit()");
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException(
                    "dModel (" + dModel + ") must be divisible by heads (" + heads + ")");
        }
        StagedBlock block = new StagedBlock()
                .add("embedding", new TokenPositionEmbedding(sample.vocabularySize(), dModel));
        for (int i = 0; i < layers; i++) {
            block.add("block" + i, new TransformerBlock(dModel, heads, dMlp, activation, layerNorm, causal, false));
        }
        return block.add("logits", new PositionHead(-1, layerNorm, "unembed", sample.numClasses(), false));
    }

    @Override
    public String describe() {
        return "transformer " + layers + " layer" + (layers == 1 ? "" : "s") + ", d=" + dModel + ", " + heads
                + " heads, d_mlp=" + dMlp + ", " + activation + (layerNorm ? ", pre-LN" : "")
                + (causal ? "" : ", not causal") + scaleSuffix();
    }
}

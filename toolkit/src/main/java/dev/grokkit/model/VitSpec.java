package dev.grokkit.model;

import dev.grokkit.data.Examples;

/**
 * A small Vision Transformer (Dosovitskiy et al. 2021): patch embedding with a class token and
 * learned positions ("patches", (n, 1 + P, dim)), {@code depth} pre-LN encoder blocks with
 * unmasked multi-head self-attention and a GELU MLP ("block0", ...), and the logits from the
 * final LayerNorm of the class token ("logits"). Defaults: patch 4, dim 64, depth 2, 4 heads,
 * mlpDim 128; the patch size must divide the image height and width (e.g. 7 or 4 for 28 x 28).
 */
public final class VitSpec extends ImageModelSpec<VitSpec> {

    private int patchSize = 4;
    private int dim = 64;
    private int depth = 2;
    private int heads = 4;
    private int mlpDim = 128;

    public VitSpec patchSize(int patchSize) {
        this.patchSize = positive("patchSize", patchSize);
        return this;
    }

    /** The token width; must be divisible by {@link #heads}. */
    public VitSpec dim(int dim) {
        this.dim = positive("dim", dim);
        return this;
    }

    public VitSpec depth(int depth) {
        this.depth = positive("depth", depth);
        return this;
    }

    public VitSpec heads(int heads) {
        this.heads = positive("heads", heads);
        return this;
    }

    public VitSpec mlpDim(int mlpDim) {
        this.mlpDim = positive("mlpDim", mlpDim);
        return this;
    }

    @Override
    protected VitSpec self() {
        return this;
    }

    @Override
    protected StagedBlock createBlock(Examples sample) {
        ImageShape image = imageShape(sample); // PatchEmbedding checks that patchSize divides H and W
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim (" + dim + ") must be divisible by heads (" + heads + ")");
        }
        StagedBlock block = imageInput(sample, image).add("patches", new PatchEmbedding(patchSize, dim));
        for (int i = 0; i < depth; i++) {
            block.add("block" + i, new TransformerBlock(dim, heads, mlpDim, Nonlinearity.GELU, true, false, true));
        }
        return block.add("logits", new PositionHead(0, true, "head", sample.numClasses(), true));
    }

    @Override
    public String describe() {
        return "ViT patch " + patchSize + ", dim " + dim + ", depth " + depth + ", " + heads + " heads, mlp "
                + mlpDim + scaleSuffix();
    }
}

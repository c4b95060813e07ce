package dev.grokkit.model;

/** Entry points for every model spec. */
public final class Models {

    private Models() {}

    /** An MLP on real-valued inputs (default hidden 200, 200; ReLU). */
    public static MlpSpec mlp() {
        return new MlpSpec();
    }

    /** The shared-embedding MLP for modular arithmetic (default d=128, hidden 512). */
    public static EmbeddingMlpSpec embeddingMlp() {
        return new EmbeddingMlpSpec();
    }

    /**
     * A decoder-only transformer on token sequences; by default the grokking transformer (1 layer,
     * d=128, 4 heads, d_mlp=512, ReLU, causal, no LayerNorm).
     */
    public static TransformerSpec transformer() {
        return new TransformerSpec();
    }

    /** A small CIFAR-style ResNet on images (default widths 16, 32, 64; one basic block per stage). */
    public static ResNetSpec resnet() {
        return new ResNetSpec();
    }

    /** A small Vision Transformer on images (default patch 4, dim 64, depth 2, 4 heads, mlp 128). */
    public static VitSpec vit() {
        return new VitSpec();
    }
}

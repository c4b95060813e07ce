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
}

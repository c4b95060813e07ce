package dev.grokkit.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Token ids (n, L) to vectors (n, L, d) through a table initialized N(0, 1) as in PyTorch; with
 * {@code concatenate} the L vectors of an example are joined into one (n, L d) vector, as the
 * embedding MLP for modular arithmetic does with a and b.
 */
public final class EmbeddingLayer extends AbstractBlock {

    private final int vocabularySize;
    private final int dimension;
    private final boolean concatenate;
    private final Parameter weight;

    public EmbeddingLayer(int vocabularySize, int dimension, boolean concatenate) {
        if (vocabularySize <= 0 || dimension <= 0) {
            throw new IllegalArgumentException(
                    "embedding needs a positive vocabulary and dimension, got " + vocabularySize + " x "
                            + dimension);
        }
        this.vocabularySize = vocabularySize;
        this.dimension = dimension;
        this.concatenate = concatenate;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabularySize, dimension))
                .optInitializer(new NormalInitializer(1f)).build());
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray tokens = inputs.singletonOrThrow();
        NDArray table = store.getValue(weight, tokens.getDevice(), training);
        NDArray vectors = Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
        return new NDList(concatenate ? vectors.reshape(tokens.getShape().get(0), -1) : vectors);
    }

    /** Whether an example's L vectors are joined into one (n, L d) vector. */
    public boolean concatenates() {
        return concatenate;
    }

    /** The table (vocabulary x dimension) as the forward pass uses it. */
    NDArray table(ParameterStore store, Device device, boolean training) {
        return store.getValue(weight, device, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {concatenate ? new Shape(in.get(0), in.get(1) * dimension) : in.add(dimension)};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}

    @Override
    public String toString() {
        return "Embedding(" + vocabularySize + " x " + dimension + (concatenate ? ", concatenated" : "") + ")";
    }
}

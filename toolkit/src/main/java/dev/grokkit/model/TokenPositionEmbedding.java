package dev.grokkit.model;

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
 * The transformer's input stream: x[i, l] = E[t_il] + P[l] for tokens t of shape (n, L), with
 * parameters "tokens" E (vocabulary x d, N(0, 1) like PyTorch's Embedding) and "positions" P
 * (L x d, N(0, 1/d) like the grokking transformer's {@code randn(L, d) / sqrt(d)}).
 */
public final class TokenPositionEmbedding extends AbstractBlock {

    private final int vocabularySize;
    private final int dModel;
    private final Parameter tokens;
    private final Parameter positions;

    public TokenPositionEmbedding(int vocabularySize, int dModel) {
        if (vocabularySize <= 0 || dModel <= 0) {
            throw new IllegalArgumentException(
                    "embedding needs a positive vocabulary and width, got " + vocabularySize + " x " + dModel);
        }
        this.vocabularySize = vocabularySize;
        this.dModel = dModel;
        tokens = addParameter(Parameter.builder().setName("tokens").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabularySize, dModel))
                .optInitializer(new NormalInitializer(1f)).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer((float) (1 / Math.sqrt(dModel)))).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() != 2) {
            throw new IllegalArgumentException("token inputs must have shape (n, L), got " + in);
        }
        positions.setShape(new Shape(in.get(1), dModel));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        NDArray table = store.getValue(tokens, ids.getDevice(), training);
        NDArray position = store.getValue(positions, ids.getDevice(), training);
        NDArray vectors = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        return new NDList(vectors.add(position));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dModel)};
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}

    @Override
    public String toString() {
        return "TokenPositionEmbedding(" + vocabularySize + " x " + dModel + ")";
    }
}

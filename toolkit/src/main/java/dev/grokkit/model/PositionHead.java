package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Logits read from one position of a sequence stream (n, L, d): y = ln(x[:, p]) W^T (+ b), with
 * the optional final LayerNorm "ln" and the linear map under a caller-chosen name ("unembed" in
 * the grokking transformer, which reads the last position; "head" in the ViT, which reads the
 * class token at position 0).
 */
public final class PositionHead extends AbstractBlock {

    private final int position;
    private final Block norm;
    private final DenseLayer linear;

    /**
     * @param position the sequence index read; negative counts from the end (-1 is the last)
     */
    public PositionHead(int position, boolean layerNorm, String linearName, long classes, boolean bias) {
        this.position = position;
        norm = layerNorm ? addChildBlock("ln", TransformerBlock.lastAxisLayerNorm()) : null;
        linear = addChildBlock(linearName, new DenseLayer(classes, bias, Nonlinearity.IDENTITY));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return read(store, inputs.singletonOrThrow(), position, training);
    }

    /**
     * The logits of a stream (n, L, d) that {@code block} has not run on yet, running the block at
     * the one position read: the same logits as the block then this head, with 1/L of the block's
     * MLP and projection work.
     */
    NDList forwardAfter(ParameterStore store, TransformerBlock block, NDArray x, boolean training) {
        long p = position < 0 ? x.getShape().get(1) + position : position;
        return read(store, block.forwardPositions(store, x, p, p + 1, training), 0, training);
    }

    private NDList read(ParameterStore store, NDArray stream, long index, boolean training) {
        NDList x = norm == null ? new NDList(stream) : norm.forward(store, new NDList(stream), training);
        NDArray picked = x.singletonOrThrow().get(new NDIndex(":, {}, :", index));
        return linear.forward(store, new NDList(picked), training);
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        Shape in = inputShapes[0];
        if (in.dimension() != 3 || position >= in.get(1) || position < -in.get(1)) {
            throw new IllegalArgumentException(
                    "cannot read position " + position + " from a sequence stream of shape " + in);
        }
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (norm != null) {
            norm.initialize(manager, dataType, inputShapes);
        }
        linear.initialize(manager, dataType, picked(inputShapes[0]));
    }

    private static Shape picked(Shape in) {
        return new Shape(in.get(0), in.get(2));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return linear.getOutputShapes(new Shape[] {picked(inputShapes[0])});
    }

    @Override
    public String toString() {
        return "PositionHead(position " + position + (norm == null ? "" : ", final LN") + ", " + linear + ")";
    }
}

package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One residual transformer block on the stream x of shape (n, L, d):
 *
 * <pre>
 *   x = x + attn(ln1(x))
 *   x = x + down(act(up(ln2(x))))
 * </pre>
 *
 * where ln1 and ln2 are LayerNorms over d when {@code layerNorm} is set (pre-LN, as in the ViT)
 * and the identity otherwise (the grokking transformer of Nanda et al. has none). Children:
 * "ln1", "attn", "ln2", "mlp" (with "up", d to dMlp, and "down", dMlp to d, both with bias).
 */
public final class TransformerBlock extends AbstractBlock {

    private final Block ln1;
    private final SelfAttention attention;
    private final Block ln2;
    private final StagedBlock mlp;

    /**
     * @param attentionBias whether the qkv and output projections have biases (the grokking
     *     transformer's do not)
     */
    public TransformerBlock(
            int dModel, int heads, int dMlp, Nonlinearity activation, boolean layerNorm, boolean causal,
            boolean attentionBias) {
        if (dMlp <= 0) {
            throw new IllegalArgumentException("dMlp must be positive, was " + dMlp);
        }
        ln1 = layerNorm ? addChildBlock("ln1", lastAxisLayerNorm()) : null;
        attention = addChildBlock("attn", new SelfAttention(dModel, heads, causal, attentionBias));
        ln2 = layerNorm ? addChildBlock("ln2", lastAxisLayerNorm()) : null;
        mlp = addChildBlock("mlp", new StagedBlock()
                .add("up", new DenseLayer(dMlp, true, activation))
                .add("down", new DenseLayer(dModel, true, Nonlinearity.IDENTITY)));
    }

    /** LayerNorm over the last axis of (n, L, d), with PyTorch's eps 1e-5, gamma 1, beta 0. */
    static LayerNorm lastAxisLayerNorm() {
        return LayerNorm.builder().axis(2).build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(forwardPositions(store, x, 0, x.getShape().get(1), training));
    }

    /**
     * The block's output (n, to - from, d) at positions from .. to - 1 only: attention reads keys
     * and values from the whole stream x (n, L, d), everything else runs at these positions.
     */
    NDArray forwardPositions(ParameterStore store, NDArray x, long from, long to, boolean training) {
        boolean all = from == 0 && to == x.getShape().get(1);
        NDIndex rows = new NDIndex(":, {}:{}, :", from, to);
        NDArray normalized = normalize(ln1, store, x, training).singletonOrThrow();
        NDArray queries = all ? normalized : normalized.get(rows);
        NDArray y = (all ? x : x.get(rows)).add(attention.attend(store, normalized, queries, from, training));
        return y.add(mlp.forward(store, normalize(ln2, store, y, training), training).singletonOrThrow());
    }

    private static NDList normalize(Block norm, ParameterStore store, NDArray x, boolean training) {
        return norm == null ? new NDList(x) : norm.forward(store, new NDList(x), training);
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "TransformerBlock(" + attention + ", mlp " + mlp + (ln1 == null ? "" : ", pre-LN") + ")";
    }
}

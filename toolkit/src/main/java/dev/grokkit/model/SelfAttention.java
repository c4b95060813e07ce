package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention on (n, L, d), as in the grokking transformer and the ViT:
 *
 * <pre>
 *   [Q | K | V] = x W_qkv^T (+ b_qkv)          each (n, L, d), split into h heads of d/h
 *   A = softmax(Q K^T / sqrt(d/h) + M)          M_ij = -inf where j &gt; i if causal, else 0
 *   y = concat_heads(A V) W_out^T (+ b_out)
 * </pre>
 *
 * Children "qkv" (d to 3d; the 3d outputs are q, k, v in that order, each split into heads in
 * order, as PyTorch's {@code view(n, L, 3, h, d/h)}) and "out" (d to d).
 */
public final class SelfAttention extends AbstractBlock {

    private final int dModel;
    private final int heads;
    private final boolean causal;
    private final DenseLayer qkv;
    private final DenseLayer out;

    public SelfAttention(int dModel, int heads, boolean causal, boolean bias) {
        if (dModel <= 0 || heads <= 0) {
            throw new IllegalArgumentException(
                    "attention needs a positive width and head count, got dModel " + dModel + ", heads " + heads);
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException(
                    "dModel (" + dModel + ") must be divisible by heads (" + heads + ")");
        }
        this.dModel = dModel;
        this.heads = heads;
        this.causal = causal;
        qkv = addChildBlock("qkv", new DenseLayer(3L * dModel, bias, Nonlinearity.IDENTITY));
        out = addChildBlock("out", new DenseLayer(dModel, bias, Nonlinearity.IDENTITY));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(attend(store, x, x, 0, training));
    }

    /**
     * The attention output (n, Lq, d) at the Lq query positions {@code first} .. {@code first +
     * Lq - 1} only, given the whole stream {@code x} (n, L, d) and its rows {@code queries} at
     * those positions: keys and values come from every position, queries only from these. A
     * model whose logits read one position needs its last block at that position alone.
     */
    NDArray attend(ParameterStore store, NDArray x, NDArray queries, long first, boolean training) {
        long n = x.getShape().get(0);
        long length = x.getShape().get(1);
        long queryLength = queries.getShape().get(1);
        int headDim = dModel / heads;
        // q: (n, Lq, d) -> (n, h, Lq, d/h); k, v: (n, L, 2d) -> (n, L, 2, h, d/h) -> (2, n, h, L, d/h)
        NDArray q = qkv.forwardUnits(store, queries, 0, dModel, training)
                .reshape(n, queryLength, heads, headDim).transpose(0, 2, 1, 3);
        NDArray kv = qkv.forwardUnits(store, x, dModel, 3L * dModel, training)
                .reshape(n, length, 2, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray scale = NativeConstant.of(x.getManager(), Math.sqrt(headDim), x.getDataType());
        NDArray scores = q.matMul(kv.get(0).transpose(0, 1, 3, 2)).div(scale);
        if (causal && first < length - 1) { // some key lies after the first query
            scores = maskFuture(scores, first, queryLength, length);
        }
        NDArray mixed = scores.softmax(-1).matMul(kv.get(1)).transpose(0, 2, 1, 3).reshape(n, queryLength, dModel);
        return out.forward(store, new NDList(mixed), training).singletonOrThrow();
    }

    /**
     * Scores (n, h, Lq, L) of queries at positions first .. first + Lq - 1 with the keys j after
     * the query's position set to -inf, so position i sees only 0..i.
     */
    private static NDArray maskFuture(NDArray scores, long first, long queryLength, long length) {
        NDManager m = scores.getManager();
        NDArray query = m.arange((int) first, (int) (first + queryLength)).reshape(queryLength, 1);
        NDArray key = m.arange((int) length).reshape(1, length);
        NDArray visible = key.lte(query).broadcast(scores.getShape());
        NDArray blocked = m.full(new Shape(), Float.NEGATIVE_INFINITY, scores.getDataType());
        return NDArrays.where(visible, scores, blocked);
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        Shape in = inputShapes[0];
        if (in.dimension() != 3 || in.get(2) != dModel) {
            throw new IllegalArgumentException(
                    "attention with dModel " + dModel + " needs inputs (n, L, " + dModel + "), got " + in);
        }
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, inputShapes);
        out.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return (causal ? "CausalSelfAttention(" : "SelfAttention(") + dModel + ", " + heads + " heads)";
    }
}

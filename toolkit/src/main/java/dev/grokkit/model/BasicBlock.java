package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The ResNet basic block (He et al. 2016):
 *
 * <pre>
 *   y = relu(bn2(conv2(relu(bn1(conv1(x))))) + s(x))
 * </pre>
 *
 * with 3x3 convolutions, conv1 carrying the stride, and s the identity or, when the block changes
 * width or resolution, the projection "shortcut" (1x1 convolution with the stride, then BatchNorm).
 */
public final class BasicBlock extends AbstractBlock {

    private final int inChannels;
    private final int filters;
    private final int stride;
    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final Block shortcut;

    public BasicBlock(int inChannels, int filters, int stride) {
        this.inChannels = inChannels;
        this.filters = filters;
        this.stride = stride;
        conv1 = addChildBlock("conv1", ConvBn.conv(filters, 3, stride));
        bn1 = addChildBlock("bn1", ConvBn.batchNorm());
        conv2 = addChildBlock("conv2", ConvBn.conv(filters, 3, 1));
        bn2 = addChildBlock("bn2", ConvBn.batchNorm());
        shortcut = stride != 1 || inChannels != filters
                ? addChildBlock("shortcut", new ConvBn(filters, 1, stride, false))
                : null;
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        Shape in = inputShapes[0];
        if (in.dimension() != 4 || in.get(1) != inChannels) {
            throw new IllegalArgumentException(
                    "a basic block for " + inChannels + " channels needs inputs (n, " + inChannels
                            + ", H, W), got " + in);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList h = inputs;
        h = bn1.forward(store, conv1.forward(store, h, training), training);
        h = new NDList(Activation.relu(h.singletonOrThrow()));
        h = bn2.forward(store, conv2.forward(store, h, training), training);
        NDArray skip = shortcut == null
                ? inputs.singletonOrThrow()
                : shortcut.forward(store, inputs, training).singletonOrThrow();
        return new NDList(Activation.relu(h.singletonOrThrow().add(skip)));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        Shape[] inner = conv1.getOutputShapes(inputShapes);
        bn1.initialize(manager, dataType, inner);
        conv2.initialize(manager, dataType, inner);
        bn2.initialize(manager, dataType, inner);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv1.getOutputShapes(inputShapes);
    }

    @Override
    public String toString() {
        return "BasicBlock(" + inChannels + " -> " + filters + ", stride " + stride + (shortcut == null ? "" : ", projection") + ")";
    }
}

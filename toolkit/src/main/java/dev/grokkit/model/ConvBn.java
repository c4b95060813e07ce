package dev.grokkit.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * y = [relu](bn(conv(x))): a square convolution without bias ("conv") followed by BatchNorm
 * ("bn"), as in the ResNet stem and projection shortcut. Also the one place where the ResNet's
 * convolutions and BatchNorms are made, so they are the same everywhere.
 */
public final class ConvBn extends AbstractBlock {

    private final Block conv;
    private final Block bn;
    private final boolean relu;

    public ConvBn(int filters, int kernel, int stride, boolean relu) {
        conv = addChildBlock("conv", conv(filters, kernel, stride));
        bn = addChildBlock("bn", batchNorm());
        this.relu = relu;
    }

    /**
     * A k x k convolution with "same" padding (k-1)/2 for odd k, the given stride, no bias, and
     * PyTorch's default weight init U(+-1/sqrt(C_in k^2)).
     */
    static Conv2d conv(int filters, int kernel, int stride) {
        if (filters <= 0 || kernel <= 0 || stride <= 0) {
            throw new IllegalArgumentException(
                    "convolution needs positive filters, kernel and stride, got " + filters + ", " + kernel
                            + ", " + stride);
        }
        int pad = (kernel - 1) / 2;
        Conv2d conv = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).optBias(false).build();
        conv.setInitializer(FanInUniform.forWeight(), Parameter.Type.WEIGHT);
        return conv;
    }

    /**
     * BatchNorm over channels (axis 1) with PyTorch's defaults: eps 1e-5, running averages with
     * momentum 0.1 (DJL's 0.9 is the weight of the old value; it reaches libtorch as the float
     * 1 - 0.9f, within 3e-7 of 0.1), gamma 1, beta 0. The running mean and variance are parameters
     * that take no gradient.
     */
    static BatchNorm batchNorm() {
        return BatchNorm.builder().optAxis(1).optEpsilon(1e-5f).optMomentum(0.9f).build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList y = bn.forward(store, conv.forward(store, inputs, training), training);
        return relu ? new NDList(Activation.relu(y.singletonOrThrow())) : y;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        bn.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    public String toString() {
        return "ConvBn(" + conv + (relu ? ", relu" : "") + ")";
    }
}

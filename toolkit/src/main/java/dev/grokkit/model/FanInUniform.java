package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initialization of linear and convolution layers: U(-b, b) with
 * b = 1 / sqrt(fan_in). For a weight of shape (out, in, k...) fan_in = in * prod(k); a bias uses
 * the fan_in of its layer's weight, so it is given explicitly. Matching PyTorch matters here:
 * Omnigrok's initial weight norm (about 93 for the 784-200-200-10 MLP at scale 8) depends on it.
 */
public final class FanInUniform implements Initializer {

    private final long fanIn;

    private FanInUniform(long fanIn) {
        this.fanIn = fanIn;
    }

    /** For a weight tensor: fan_in is read from its shape. */
    public static FanInUniform forWeight() {
        return new FanInUniform(-1);
    }

    /** For a bias whose layer has the given fan_in. */
    public static FanInUniform forBias(long fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fanIn must be positive, was " + fanIn);
        }
        return new FanInUniform(fanIn);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long n = fanIn > 0 ? fanIn : shape.size() / shape.get(0);
        float bound = (float) (1.0 / Math.sqrt(n));
        return manager.randomUniform(-bound, bound, shape, dataType);
    }
}

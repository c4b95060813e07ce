package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * One parameter tensor of a model under a stable, readable name such as "hidden1.weight" or
 * "block0.attn.qkv.weight". Each tensor is one "block" in the Hessian-block sense.
 */
public record NamedParameter(String name, Parameter parameter) {

    public NDArray array() {
        return parameter.getArray();
    }

    public Shape shape() {
        return parameter.getArray().getShape();
    }

    public long size() {
        return shape().size();
    }

    /** Whether the optimizer updates it (BatchNorm running statistics are not trained). */
    public boolean trainable() {
        return parameter.requiresGradient();
    }
}

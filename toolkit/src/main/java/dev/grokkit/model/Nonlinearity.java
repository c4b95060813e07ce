package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Elementwise nonlinearities used by the models. */
public enum Nonlinearity {
    RELU,
    GELU,
    TANH,
    SIGMOID,
    IDENTITY;

    public NDArray apply(NDArray x) {
        switch (this) {
            case RELU:
                return Activation.relu(x);
            case GELU:
                return Activation.gelu(x);
            case TANH:
                return Activation.tanh(x);
            case SIGMOID:
                return Activation.sigmoid(x);
            default:
                return x;
        }
    }
}

package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * A scalar constant for use inside a recorded computation. DJL's {@code mul(2.0)} and
 * {@code create(2.0)} wrap a Java direct buffer that the garbage collector may free while
 * autograd still holds the tensor for the backward pass (seen as NaN or 1e300 entries in
 * Hessians of the ViT); the constant here is copied into libtorch's own memory.
 */
final class NativeConstant {

    private NativeConstant() {}

    static NDArray of(NDManager manager, double value, DataType type) {
        try (NDArray javaBacked = manager.create(value); NDArray typed = javaBacked.toType(type, true)) {
            return typed.duplicate(); // clone(): storage owned by libtorch
        }
    }
}

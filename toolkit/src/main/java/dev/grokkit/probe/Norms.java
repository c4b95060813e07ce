package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Collection;

/** L2 norms of collections of tensors, accumulated in double precision. */
final class Norms {

    private Norms() {}

    /** sqrt(sum over tensors of sum x^2). */
    static double l2(Collection<NDArray> tensors) {
        double sum = 0;
        for (NDArray t : tensors) {
            sum += t.square().sum().toType(DataType.FLOAT64, false).getDouble();
        }
        return Math.sqrt(sum);
    }
}

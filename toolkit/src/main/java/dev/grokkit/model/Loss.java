package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** A training objective on logits (n, C) and INT64 class labels (n) (or, where a loss says so, real-valued targets); returns a scalar. */
public interface Loss {

    /** Short name for tables ("cross_entropy", "mse"). */
    String name();

    NDArray compute(NDArray logits, NDArray labels);

    /**
     * The losses of K models at once (an ensemble): logits (K, n, C) and labels (K, n) give a
     * K-vector whose entry k is {@code compute(logits[k], labels[k])}. A loss may override it
     * with fewer operations.
     */
    default NDArray computeStacked(NDArray logits, NDArray labels) {
        NDList each = new NDList();
        for (int k = 0; k < logits.getShape().get(0); k++) {
            each.add(compute(logits.get(k), labels.get(k)));
        }
        return NDArrays.stack(each);
    }
}

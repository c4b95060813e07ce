package dev.grokkit.model;

import ai.djl.ndarray.NDArray;

/** A training objective on logits (n, C) and INT64 class labels (n) (or, where a loss says so, real-valued targets); returns a scalar. */
public interface Loss {

    /** Short name for tables ("cross_entropy", "mse"). */
    String name();

    NDArray compute(NDArray logits, NDArray labels);
}

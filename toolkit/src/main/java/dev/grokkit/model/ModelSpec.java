package dev.grokkit.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Examples;

/** A recipe for a model; {@link #build} makes a fresh, initialized instance for some data. */
public interface ModelSpec {

    /**
     * Builds and initializes a model whose input matches {@code sample} (example shape, token
     * vocabulary) and whose logits cover its classes. Parameters live in a child of
     * {@code parent}; closing the model frees them. Initialization draws from libtorch's seeded
     * generator.
     */
    GrokModel build(Examples sample, DataType dtype, NDManager parent);

    /** One line saying what the model is. */
    String describe();
}

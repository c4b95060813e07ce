package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.grokkit.model.Nonlinearity;
import java.util.Map;

/**
 * One stage of a model run for K members at once: every array carries the member on axis 0
 * (inputs K x n x ..., parameters K x ...), and every product is a batched one, so member k's
 * output depends on member k's parameters and inputs alone.
 */
sealed interface StackedStage {

    /** The stage's output for the stacked input {@code x}, with {@code parameters} stacked by name. */
    NDArray forward(NDArray x, Map<String, NDArray> parameters);

    /** A parameterless flattening of each example: K x n x ... to K x n x features. */
    record Flatten() implements StackedStage {
        @Override
        public NDArray forward(NDArray x, Map<String, NDArray> parameters) {
            return x.reshape(x.getShape().get(0), x.getShape().get(1), -1);
        }
    }

    /** act(x W^T + b) per member: x K x n x in, W K x out x in, b K x out. */
    record Dense(String name, boolean bias, Nonlinearity activation) implements StackedStage {
        @Override
        public NDArray forward(NDArray x, Map<String, NDArray> parameters) {
            NDArray y = x.batchMatMul(parameters.get(name + ".weight").transpose(0, 2, 1));
            if (bias) { // in place: the product's output is not kept for its backward
                y.addi(parameters.get(name + ".bias").expandDims(1));
            }
            return activation.apply(y);
        }
    }

    /**
     * A concatenating embedding followed by a dense layer, run as a lone model runs it (the
     * table projected through the layer's columns for each token position, then the rows
     * gathered), except that the bias is added to the first projected table (V rows) instead of
     * the sum (n rows), which changes only the rounding: tokens K x n x L, table K x V x d, W K x out x L d. Member k's rows are
     * gathered from its own projected table: K x V x out is viewed as (K V) x out and member
     * k's token t read at row k V + t.
     */
    record EmbeddedDense(String embedding, Dense dense) implements StackedStage {
        @Override
        public NDArray forward(NDArray tokens, Map<String, NDArray> parameters) {
            NDArray table = parameters.get(embedding + ".weight");
            NDArray weight = parameters.get(dense.name() + ".weight");
            long members = table.getShape().get(0);
            long vocabulary = table.getShape().get(1);
            long d = table.getShape().get(2);
            long units = weight.getShape().get(1);
            NDArray offsets = tokens.getManager()
                    .arange(0, (int) (members * vocabulary), (int) vocabulary, DataType.INT64).reshape(members, 1);
            NDArray sum = null;
            for (long j = 0; j < tokens.getShape().get(2); j++) {
                NDArray columns = weight.get(new NDIndex(":, :, {}:{}", j * d, (j + 1) * d));
                NDArray projected = table.batchMatMul(columns.transpose(0, 2, 1));
                if (j == 0 && dense.bias()) { // added to V rows here rather than to n rows after the gather
                    projected = projected.add(parameters.get(dense.name() + ".bias").expandDims(1));
                }
                NDArray rows = Embedding.embedding(tokens.get(new NDIndex(":, :, {}", j)).add(offsets),
                        projected.reshape(members * vocabulary, units), SparseFormat.DENSE).singletonOrThrow();
                // in place: a gather's output is not kept for its backward
                sum = sum == null ? rows : sum.addi(rows);
            }
            return dense.activation().apply(sum);
        }
    }
}

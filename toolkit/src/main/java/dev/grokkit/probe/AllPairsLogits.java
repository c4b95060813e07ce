package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.ModularArithmetic;

/** The model's logits on every pair of a modular arithmetic task, in its row-major pair order. */
final class AllPairsLogits {

    private static final int BATCH = 4096;

    private AllPairsLogits() {}

    /** Logits (pairCount, C) in float64, computed in inference mode. */
    static NDArray of(ProbeContext context, ModularArithmetic task) {
        NDArray x = task.allPairs().inputs(context.inputs(ProbeContext.Split.TRAIN).getManager(),
                context.model().dtype());
        long n = x.getShape().get(0);
        NDList parts = new NDList();
        for (long start = 0; start < n; start += BATCH) {
            parts.add(context.model().forward(x.get(start + ":" + Math.min(n, start + BATCH)), false));
        }
        NDArray logits = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
        return logits.toType(DataType.FLOAT64, false);
    }

    /** Predicted class (argmax of the logits) of every pair. */
    static int[] predictions(NDArray logits) {
        long[] p = logits.argMax(1).toLongArray();
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (int) p[i];
        }
        return out;
    }
}

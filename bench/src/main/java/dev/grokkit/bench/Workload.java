package dev.grokkit.bench;

import ai.djl.ndarray.NDManager;

/**
 * One benchmark workload, defined identically on the peer side ({@code environment/peer/workloads.py},
 * docs/benchmarks.md): a name, the floating-point operations one op costs (NaN where a FLOP count
 * means little), and a set-up that returns the op to time.
 */
public interface Workload {

    String name();

    /** FLOPs of one op; for training steps 3x the forward matmul FLOPs (forward + backward). */
    double flopsPerOp();

    /** Builds the data and model in {@code manager} and returns one op. */
    Runnable prepare(NDManager manager);

    /** Warm-up ops before timing, as on the peer side. */
    int warmup();
}

package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.hessian.LossHessian;
import java.util.Arrays;

/**
 * What the Hessian probes share: the batch they measure on (the first {@code batch} training
 * examples, default 1000, so every measurement sees the same data) and the fractions of
 * training at which they run (default 0, 1, 25, 50, 75 and 100%, the entropy-gap paper's
 * columns). The fraction f runs at step round(f * totalSteps) ({@link #steps}); the run writes a
 * row at those steps whatever its log schedule ({@link #needsRowAt}).
 */
public abstract class HessianProbe<T extends HessianProbe<T>> implements Probe {

    private double[] fractions = {0, 0.01, 0.25, 0.5, 0.75, 1.0};
    private int batch = 1000;

    protected abstract T self();

    /** Fractions of training (each in [0, 1]) at which to measure. */
    public T at(double... fractions) {
        if (fractions.length == 0) {
            throw new IllegalArgumentException("at least one fraction of training is needed");
        }
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("fractions of training must be in [0, 1], found " + f);
            }
        }
        this.fractions = fractions.clone();
        return self();
    }

    /** Measure on the first {@code size} training examples (all of them if fewer). */
    public T batch(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + size);
        }
        this.batch = size;
        return self();
    }

    /** The steps round(f * totalSteps) at which it measures, ascending and distinct. */
    public long[] steps(long totalSteps) {
        return Arrays.stream(fractions).mapToLong(f -> Math.round(f * totalSteps)).distinct().sorted().toArray();
    }

    @Override
    public boolean runsAt(long step, long totalSteps) {
        return Arrays.binarySearch(steps(totalSteps), step) >= 0;
    }

    @Override
    public boolean needsRowAt(long step, long totalSteps) {
        return runsAt(step, totalSteps);
    }

    /** The Hessian of the run's loss on the probe's batch; close it after the measurement (it keeps a graph). */
    protected LossHessian hessian(ProbeContext context) {
        NDArray x = context.inputs(ProbeContext.Split.TRAIN);
        NDArray y = context.labels(ProbeContext.Split.TRAIN);
        long n = Math.min(batch, x.getShape().get(0));
        return LossHessian.of(context.model(), context.loss(), x.get("0:" + n), y.get("0:" + n));
    }
}

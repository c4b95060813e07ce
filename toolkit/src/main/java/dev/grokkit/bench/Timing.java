package dev.grokkit.bench;

import java.util.Arrays;

/** Median wall time of an op after a warm-up, measured as the peer measures it. */
final class Timing {

    private Timing() {}

    static double medianSeconds(Runnable op, int warmup, int reps) {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        double[] samples = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            op.run();
            samples[i] = (System.nanoTime() - t) / 1e9;
        }
        return median(samples);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

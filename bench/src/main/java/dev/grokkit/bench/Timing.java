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

    /**
     * Runs {@code op} for {@code seconds} of wall time: the JVM compiles an op's Java path in its
     * first seconds, and its compiler thread, busy on one of two cores, made 20-op medians of a
     * 5 ms step read 1.6x slow at two threads (7.2-7.7 ms against 4.5-4.8 ms over 300 ops).
     */
    static void compileWarmUp(Runnable op, double seconds) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            op.run();
        }
    }

    /** a[r] / b[r]: rounds whose two runs went back to back, so drift between rounds cancels. */
    static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

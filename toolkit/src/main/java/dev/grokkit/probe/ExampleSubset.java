package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.SplittableRandom;

/** A fixed random subset of at most {@code max} examples (the same at every step of a run). */
final class ExampleSubset {

    private ExampleSubset() {}

    /** Sorted indices of min(n, max) of n examples, chosen by {@code seed}. */
    static long[] indices(long n, int max, long seed) {
        int m = (int) Math.min(n, max);
        long[] all = new long[(int) n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) { // partial Fisher-Yates
            int j = i + r.nextInt((int) n - i);
            long t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        long[] chosen = java.util.Arrays.copyOf(all, m);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    /** The rows of a at the given indices. */
    static NDArray rows(NDArray a, long[] indices) {
        if (indices.length == a.getShape().get(0)) {
            return a;
        }
        return a.get(new NDIndex("{}", a.getManager().create(indices)));
    }

    static void checkMax(int max) {
        if (max < 2) {
            throw new IllegalArgumentException("maxExamples: must be at least 2, was " + max);
        }
    }
}

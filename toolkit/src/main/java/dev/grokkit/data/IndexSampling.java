package dev.grokkit.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random choice of example indices, shared by every split and subset in this package. */
final class IndexSampling {

    private IndexSampling() {
    }

    /**
     * A uniformly random permutation of 0..n-1 (Fisher-Yates with {@code
     * java.util.SplittableRandom(seed)}), so the same seed always gives the same permutation.
     * Not {@code java.util.Random}: its first draws for neighbouring seeds 0, 1, 2, ... are
     * correlated, which made the subsets of neighbouring seeds visibly non-uniform.
     */
    static int[] permutation(int n, long seed) {
        int[] order = range(n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** k distinct indices of 0..n-1 chosen uniformly at random, in ascending order. */
    static int[] choose(int n, int k, long seed) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + n + " examples");
        }
        int[] chosen = Arrays.copyOf(permutation(n, seed), k);
        Arrays.sort(chosen);
        return chosen;
    }

    /** The indices of 0..n-1 not in {@code chosen} (which must be ascending), ascending. */
    static int[] complement(int n, int[] chosen) {
        int[] rest = new int[n - chosen.length];
        int c = 0;
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (c < chosen.length && chosen[c] == i) {
                c++;
            } else {
                rest[r++] = i;
            }
        }
        return rest;
    }

    /** 0..n-1. */
    static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }
}

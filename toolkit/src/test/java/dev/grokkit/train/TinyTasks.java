package dev.grokkit.train;

import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small tasks built by hand, so training-loop tests do not depend on the data package's logic. */
final class TinyTasks {

    private TinyTasks() {}

    /** (a + b) mod p as [a, b] token pairs, a seeded {@code trainFraction} of pairs for training. */
    static Dataset modularAddition(int p, double trainFraction, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < p * p; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        int nTrain = (int) Math.round(trainFraction * p * p);
        return new Dataset("tiny x+y mod " + p, pairs(order.subList(0, nTrain), p),
                pairs(order.subList(nTrain, order.size()), p));
    }

    private static Examples pairs(List<Integer> ids, int p) {
        int[] tokens = new int[ids.size() * 2];
        int[] labels = new int[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            int a = ids.get(i) / p;
            int b = ids.get(i) % p;
            tokens[2 * i] = a;
            tokens[2 * i + 1] = b;
            labels[i] = (a + b) % p;
        }
        return Examples.ofTokens(tokens, 2, p, labels, p);
    }

    /** Two Gaussian blobs in 2-d, one per class, centred at -1 and +1. */
    static Dataset blobs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 2; j++) {
                x[2 * i + j] = (float) (r.nextGaussian() * 0.5 + (y[i] == 0 ? -1 : 1));
            }
        }
        Examples all = Examples.ofFeatures(x, new ai.djl.ndarray.types.Shape(2), y, 2);
        int half = n / 2;
        int[] train = java.util.stream.IntStream.range(0, half).toArray();
        int[] test = java.util.stream.IntStream.range(half, n).toArray();
        return new Dataset("blobs", all.select(train), all.select(test));
    }
}

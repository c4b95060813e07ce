package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.optim.OptimizerSpec;
import dev.grokkit.optim.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small tasks and a plain gradient-descent optimizer, so training-loop tests stand alone. */
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

    /** w <- w - lr g. */
    static OptimizerSpec gradientDescent(double lr) {
        return new OptimizerSpec() {
            @Override
            public GrokOptimizer build() {
                return new GrokOptimizer(Schedule.constant(lr)) {
                    @Override
                    public void update(String id, NDArray weight, NDArray grad) {
                        weight.subi(grad.mul(learningRate(nextCount(id))));
                    }
                };
            }

            @Override
            public String describe() {
                return "GD lr " + lr;
            }
        };
    }

    /** Heavy-ball momentum, to exercise optimizer state across checkpoints: v = mu v + g; w -= lr v. */
    static OptimizerSpec momentum(double lr, double mu) {
        return new OptimizerSpec() {
            @Override
            public GrokOptimizer build() {
                return new GrokOptimizer(Schedule.constant(lr)) {
                    @Override
                    public void update(String id, NDArray weight, NDArray grad) {
                        NDArray v = slot(id, "v", weight);
                        v.muli(mu).addi(grad);
                        weight.subi(v.mul(learningRate(nextCount(id))));
                    }
                };
            }

            @Override
            public String describe() {
                return "momentum lr " + lr + " mu " + mu;
            }
        };
    }
}

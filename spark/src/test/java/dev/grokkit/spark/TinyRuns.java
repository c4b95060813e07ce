package dev.grokkit.spark;

import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.StopRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A named, serializable factory of small experiments, one per seed (the point): AdamW on two
 * Gaussian blobs, a history row every 5 steps. With a fault folder, the run of {@code faultySeed}
 * throws at its first row at or after step {@code failAt}, once (a marker file in the folder
 * remembers it, across task attempts), and every attempt of every seed writes the step of the
 * first row it records to {@code attempts-SEED.txt} there (0 from scratch, later when resumed).
 * {@code failAt} = 0 and no marker wanted ({@code always}) makes every run of that seed throw.
 */
record TinyRuns(long steps, String faultFolder, long faultySeed, long failAt, boolean always)
        implements SweepFactory<Long> {

    static TinyRuns plain(long steps) {
        return new TinyRuns(steps, null, -1, -1, false);
    }

    @Override
    public Experiment apply(Long seed) {
        Experiment.Builder b = Experiment.builder().name("seed " + seed).data(blobs(40))
                .model(Models.mlp().hidden(6)).optimizer(Optimizers.adamW().learningRate(0.05).weightDecay(0.1))
                .steps(steps).seed(seed).logEvery(5).quiet();
        if (faultFolder != null) {
            b.stopWhen(new Fault(Path.of(faultFolder), seed, seed == faultySeed ? failAt : -1, always));
        }
        return b.build();
    }

    /** Two Gaussian blobs in 2-d centred at -1 and +1, half for training. */
    static Dataset blobs(int n) {
        Random r = new Random(1);
        float[] x = new float[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 2; j++) {
                x[2 * i + j] = (float) (r.nextGaussian() * 0.5 + (y[i] == 0 ? -1 : 1));
            }
        }
        Examples all = Examples.ofFeatures(x, new ai.djl.ndarray.types.Shape(2), y, 2);
        return new Dataset("blobs", all.select(IntStream.range(0, n / 2).toArray()),
                all.select(IntStream.range(n / 2, n).toArray()));
    }

    /** A stop rule that never stops: it records each attempt's first row and throws where told. */
    private static final class Fault implements StopRule {
        private final Path folder;
        private final long seed;
        private final long failAt;
        private final boolean always;
        private boolean seenRow;

        Fault(Path folder, long seed, long failAt, boolean always) {
            this.folder = folder;
            this.seed = seed;
            this.failAt = failAt;
            this.always = always;
        }

        @Override
        public Optional<String> check(Map<String, Double> row) {
            long step = row.get("step").longValue();
            try {
                if (!seenRow) {
                    seenRow = true;
                    Files.writeString(folder.resolve("attempts-" + seed + ".txt"), step + "\n",
                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                if (failAt >= 0 && step >= failAt) {
                    if (always) {
                        throw new IllegalStateException("injected fault at step " + step);
                    }
                    try {
                        Files.createFile(folder.resolve("fault-" + seed));
                        throw new IllegalStateException("injected fault at step " + step + " (once)");
                    } catch (FileAlreadyExistsException e) {
                        // thrown before: this attempt goes on
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.empty();
        }
    }
}

package dev.grokkit.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.hessian.BlockReport;
import dev.grokkit.hessian.BlockStatistics;
import dev.grokkit.hessian.LossHessian;
import dev.grokkit.hessian.StochasticLanczos;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import dev.grokkit.model.Models;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Does the paper-scale block-statistics path fit in bounded memory? Builds a ResNet18-size model
 * (the toolkit's ResNet at widths 64/128/256/512, two basic blocks per stage: 62 parameter
 * tensors, about 11.2 million parameters) at initialization, takes the cross-entropy Hessian on a
 * batch of random 3x32x32 images with random labels, and computes every block's SLQ spectrum and
 * the whole Hessian's with the bounded-memory Lanczos ({@code --window} vectors, default 2: the
 * three-term recurrence). Prints the block statistics, the wall time and the peak resident memory
 * (VmHWM, which counts libtorch's native allocations) and the Java heap in use.
 */
@Command(name = "PaperScaleBlockStatistics",
        description = "Block statistics of a ResNet18-size Hessian on random data: time and peak memory.")
public final class PaperScaleBlockStatistics implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--batch", description = "random examples in the Hessian's batch, >= 1 (default ${DEFAULT-VALUE})")
    private long batch = 16;

    @Option(names = "--steps", description = "Lanczos steps per block, >= 1 (default ${DEFAULT-VALUE})")
    private long steps = 10;

    @Option(names = "--window", description = "Lanczos vectors kept for reorthogonalization, >= 2 (default ${DEFAULT-VALUE})")
    private long window = 2;

    public static void main(String[] args) {
        System.exit(Arguments.execute(new PaperScaleBlockStatistics(), args));
    }

    @Override
    public Integer call() {
        Arguments.positive(spec, "--batch", batch);
        Arguments.positive(spec, "--steps", steps);
        if (window < 2) {
            throw new ParameterException(spec.commandLine(), "--window must be at least 2, was " + window);
        }
        long started = System.nanoTime();
        Examples examples = randomImages((int) batch, new Random(0));
        var statistics = BlockStatistics.withDefaults().exactLimit(0)
                .lanczos(StochasticLanczos.withDefaults().steps((int) steps).runs(1).window((int) window));
        try (NDManager manager = Grokkit.engine().newBaseManager();
                GrokModel model = Models.resnet().widths(64, 128, 256, 512).blocksPerStage(2)
                        .build(examples, DataType.FLOAT32, manager);
                LossHessian hessian = LossHessian.of(model, Losses.crossEntropy(), examples)) {
            System.out.printf(Locale.ROOT, "%s: %,d parameters in %d tensors; Hessian on %d random images, "
                    + "%d Lanczos steps per block, window %d%n", model.description(), model.parameterCount(),
                    hessian.blockNames().size(), batch, steps, window);
            BlockReport report = statistics.compute(hessian);
            report.statistics().forEach((k, v) -> System.out.printf(Locale.ROOT, "%s = %.6g%n", k, v));
        }
        System.out.printf(Locale.ROOT, "wall time %.0f s; peak resident memory (VmHWM) %.0f MiB; heap in use %.0f MiB%n",
                (System.nanoTime() - started) / 1e9, ProcessMemory.peakResidentMiB(), ProcessMemory.heapMiB());
        return 0;
    }

    /** Standard normal 3x32x32 images with uniform labels over 10 classes. */
    private static Examples randomImages(int n, Random random) {
        float[] pixels = new float[n * 3 * 32 * 32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = random.ints(n, 0, 10).toArray();
        return Examples.ofFeatures(pixels, new Shape(3, 32, 32), labels, 10);
    }
}

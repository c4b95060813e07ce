package dev.grokkit.bench;

import dev.grokkit.data.Dataset;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.RunListener;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Does native memory stay flat over a long run? Trains a small modular-addition model with
 * probes for {@code steps} steps (default 100,000), logging every {@code every / 10} steps, and
 * prints every {@code every} steps the process's resident set size (VmRSS, which counts libtorch's
 * native allocations) and the Java heap in use after a full collection.
 */
@Command(name = "MemorySoak",
        description = "Resident and heap memory of a long probed training run, every N steps.")
public final class MemorySoak implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--steps", description = "training steps, >= 1 (default ${DEFAULT-VALUE})")
    private long steps = 100_000;

    @Option(names = "--every", description = "steps between memory rows, >= 1 (default ${DEFAULT-VALUE})")
    private long every = 10_000;

    public static void main(String[] args) {
        System.exit(Arguments.execute(new MemorySoak(), args));
    }

    @Override
    public Integer call() {
        Arguments.positive(spec, "--steps", steps);
        Arguments.positive(spec, "--every", every);
        Dataset data = ModularArithmetic.builder().modulus(23).operation(Operation.ADD).trainFraction(0.5)
                .seed(0).build();
        System.out.println("| step | RSS MiB | heap MiB |");
        System.out.println("|---|---|---|");
        Experiment.builder().data(data).model(Models.embeddingMlp().embeddingDim(32).hidden(64))
                .optimizer(Optimizers.adamW().learningRate(1e-3).weightDecay(1.0).betas(0.9, 0.98))
                .steps(steps).logEvery(Math.max(1, every / 10)).seed(0)
                .probes(Probes.weightNorm(), Probes.gradientNorm(), Probes.logitStats())
                .listener(() -> new RunListener() {
                    @Override
                    public void logged(long step, Map<String, Double> row) {
                        if (step % every == 0) {
                            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f |%n", step, ProcessMemory.residentMiB(),
                                    ProcessMemory.heapMiB());
                        }
                    }
                })
                .build().run().close();
        return 0;
    }
}

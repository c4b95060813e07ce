package dev.grokkit.bench;

import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.ensemble.Ensemble;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import dev.grokkit.train.Stop;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Does an ensemble's native memory stay flat over a long run? Trains the ensemble-modadd members
 * (16 embedding MLPs on x+y mod 59, each with its own seed and 40% split; full-batch AdamW lr 3e-3,
 * wd 1, betas 0.9/0.98; evaluation every 50 steps; each member stops at test accuracy 0.99) and
 * prints every second the resident set (VmRSS), glibc's heap (in use and free) and the number of
 * Java collections, the resident set every 250 steps and at each member's stop; halts the process
 * if the resident set passes {@code --limit} MiB (the blow-up this watched for reached 10 GB).
 */
@Command(name = "EnsembleMemory",
        description = "Resident memory of a long ensemble run (x+y mod 59, 16 members), every second and at each stop.")
public final class EnsembleMemory implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--members", description = "members, seeds 0 .. n-1, >= 1 (default ${DEFAULT-VALUE})")
    private long members = 16;

    @Option(names = "--steps", description = "step budget, >= 1 (default ${DEFAULT-VALUE})")
    private long steps = 3_000;

    @Option(names = "--limit", description = "resident MiB at which the process halts, >= 1 (default ${DEFAULT-VALUE})")
    private long limit = 4_000;

    public static void main(String[] args) {
        System.exit(Arguments.execute(new EnsembleMemory(), args));
    }

    @Override
    public Integer call() {
        Arguments.positive(spec, "--members", members);
        Arguments.positive(spec, "--steps", steps);
        Arguments.positive(spec, "--limit", limit);
        long start = System.nanoTime();
        Thread watch = new Thread(() -> watch(start), "resident-set watch");
        watch.setDaemon(true);
        watch.start();
        List<Long> seeds = new ArrayList<>();
        for (long s = 0; s < members; s++) {
            seeds.add(s);
        }
        List<Run> runs = Ensemble.of(seeds, seed -> experiment(seed, start)).run();
        for (Run run : runs) {
            System.out.printf(Locale.ROOT, "seed %d: %d steps, %s%n", run.experiment().seed(), run.steps(),
                    run.stopReason());
            run.close();
        }
        System.out.printf(Locale.ROOT, "%.1f s, peak resident %.0f MiB%n", seconds(start),
                ProcessMemory.peakResidentMiB());
        return 0;
    }

    private Experiment experiment(long seed, long start) {
        var data = ModularArithmetic.builder().modulus(59).operation(Operation.ADD).trainFraction(0.4).seed(seed)
                .form(ModularArithmetic.Form.PAIRS).build();
        var grokked = Stop.testAccuracyAtLeast(0.99);
        return Experiment.builder().data(data).name("seed " + seed)
                .model(Models.embeddingMlp().embeddingDim(64).hidden(256))
                .optimizer(Optimizers.adamW().learningRate(3e-3).weightDecay(1.0).betas(0.9, 0.98))
                .steps(steps).fullBatch().seed(seed).logEvery(50).quiet()
                .stopWhen(row -> {
                    Optional<String> reason = grokked.check(row);
                    if (seed == 0 && row.get("step") % 250 == 0) {
                        System.out.printf(Locale.ROOT, "%7.1f s  step %5.0f  resident %.0f MiB%n", seconds(start),
                                row.get("step"), ProcessMemory.residentMiB());
                    }
                    if (reason.isPresent()) {
                        System.out.printf(Locale.ROOT, "%7.1f s  step %5.0f  seed %d stops  resident %.0f MiB%n",
                                seconds(start), row.get("step"), seed, ProcessMemory.residentMiB());
                    }
                    return reason;
                })
                .build();
    }

    private void watch(long start) {
        while (true) {
            double resident = ProcessMemory.residentMiB();
            System.out.printf(Locale.ROOT, "%7.1f s  resident %.0f MiB  %s, %d Java collections%n", seconds(start),
                    resident, MallocArenas.describe(), collections());
            if (resident > limit) {
                System.out.printf(Locale.ROOT, "resident set over %d MiB: halting%n", limit);
                Runtime.getRuntime().halt(3);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Garbage collections so far, all collectors. */
    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

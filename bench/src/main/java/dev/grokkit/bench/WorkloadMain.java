package dev.grokkit.bench;

import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs one workload in this process and prints one JSON line, like the peer's CLI. The thread count comes from GROKKIT_THREADS and the
 * OpenMP wait policy from OMP_WAIT_POLICY, both read once when the engine starts, which is why
 * each configuration runs in a fresh process.
 */
@Command(name = "WorkloadMain",
        description = "Median seconds per op of one workload in this process; prints one JSON line.")
public final class WorkloadMain implements Callable<Integer> {

    static final double COMPILE_WARM_UP_SECONDS = 3;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "WORKLOAD", description = "one of the workloads of docs/benchmarks.md")
    private String name;

    @Option(names = "--steps", description = "timed ops, >= 1 (default ${DEFAULT-VALUE})")
    private int steps = 50;

    public static void main(String[] args) {
        System.exit(Arguments.execute(new WorkloadMain(), args));
    }

    @Override
    public Integer call() {
        Arguments.among(spec, "WORKLOAD", List.of(name), Workloads.names());
        Arguments.positive(spec, "--steps", steps);
        Workload workload = Workloads.named(name);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            // The JIT warms up on a copy of the workload, so the op timed is at the same point of its
            // run as the peer's (after its warm-up ops): a training step thousands of steps in can
            // differ, e.g. Adam moments of dead units decay into slow subnormal floats.
            Timing.compileWarmUp(workload.prepare(manager), COMPILE_WARM_UP_SECONDS);
            Runnable op = workload.prepare(manager);
            double seconds = Timing.medianSeconds(op, workload.warmup(), steps);
            System.out.println(String.format(Locale.ROOT,
                    "{\"workload\": \"%s\", \"threads\": %d, \"wait_policy\": \"%s\", \"seconds_per_op\": %.9g}",
                    workload.name(), Grokkit.threads(), Grokkit.waitPolicy(), seconds));
        }
        return 0;
    }
}

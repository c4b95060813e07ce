package dev.grokkit.bench;

import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import java.util.List;
import java.util.Locale;

/**
 * Runs one workload in this process and prints one JSON line, like the peer's CLI:
 * {@code WorkloadMain WORKLOAD --steps N}. The thread count comes from GROKKIT_THREADS and the
 * OpenMP wait policy from OMP_WAIT_POLICY, both read once when the engine starts, which is why
 * each configuration runs in a fresh process.
 */
public final class WorkloadMain {

    static final double COMPILE_WARM_UP_SECONDS = 3;

    private WorkloadMain() {}

    public static void main(String[] args) {
        CommandLine line = CommandLine.parse("WorkloadMain WORKLOAD [--steps N]; workloads: " + Workloads.names(),
                args, 1, List.of("--steps"));
        Workload workload = Workloads.named(line.positional(0));
        int steps = line.positiveInt("--steps", 50);
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
    }
}

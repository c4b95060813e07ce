package dev.grokkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * grokkit against its Python peer, workload by workload, at each thread count: every
 * configuration runs in a fresh process (the engine reads its thread count and OpenMP wait
 * policy once), grokkit and peer processes alternate within each round, and the table reports
 * the median over rounds of each process's median seconds per op, and as the ratio the median
 * (and range) over rounds of grokkit / peer within the round.
 *
 * <p>Then, end to end: wall time until modular addition groks ({@link GrokTime} against
 * {@code environment/peer/grok_modadd.py}, or the script given with --grok-peer), one run per
 * seed at one thread; and the cost of probing ({@link ProbeOverhead}).
 *
 * <p>Every argument is checked before any work starts.
 */
@Command(name = "Benchmark", sortOptions = false,
        description = "grokkit against its Python peer, workload by workload, then grokking time end to end and"
                + " the cost of probing; prints Markdown tables.")
public final class Benchmark implements Callable<Integer> {

    /** The peers' scripts, relative to the repository's root, where environment/bench runs this. */
    static final String DEFAULT_PEER = "environment/peer/workloads.py";
    static final String DEFAULT_GROK_PEER = "environment/peer/grok_modadd.py";

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Option(names = "--peer", description = "the peer's workload script (default ${DEFAULT-VALUE})")
    private Path peer = Path.of(DEFAULT_PEER);

    @Option(names = "--rounds", description = "rounds, each running every configuration once (default ${DEFAULT-VALUE})")
    private int rounds = 3;

    @Option(names = "--steps", description = "timed ops per run (default ${DEFAULT-VALUE})")
    private int steps = 30;

    @Option(names = "--threads", split = ",", description = "thread counts (default 1,2)")
    private List<Integer> threads = List.of(1, 2);

    @Option(names = "--workloads", split = ",", description = "workloads (default all but matmul-peak and hvp-first, which the peer does not define), among ${COMPLETION-CANDIDATES}",
            completionCandidates = WorkloadNames.class)
    private List<String> workloads = Workloads.names().stream()
            .filter(w -> !w.equals("matmul-peak") && !w.equals("hvp-first")).toList();

    @Option(names = "--policies", split = ",", description = "grokkit's OpenMP wait policies, each PASSIVE, ACTIVE or"
            + " SPIN<n> (spin n iterations, then sleep: GOMP_SPINCOUNT=n) (default PASSIVE)")
    private List<String> policies = List.of("PASSIVE");

    @Option(names = "--busy-cotenant", description = "keep one core busy (a `yes` process, pinned to the last core"
            + " with taskset) while the workload table runs, as another user's job would")
    private boolean busyCotenant;

    @Option(names = "--csv", description = "also write the table's rows to this file (default none)")
    private Path csv;

    @Option(names = "--grok-peer", description = "the peer's end-to-end script (default ${DEFAULT-VALUE})")
    private Path grokPeer = Path.of(DEFAULT_GROK_PEER);

    @Option(names = "--grok-seeds", description = "seeds of the end-to-end runs, e.g. 0,1,2 (the default); '' skips them")
    private String grokSeeds = "0,1,2";

    @Option(names = "--probe-steps", description = "steps of the probe-overhead runs; 0 skips them (default ${DEFAULT-VALUE})")
    private int probeSteps = 2000;

    /** The workload names, for the usage's list of candidates. */
    static final class WorkloadNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Workloads.names().iterator();
        }
    }

    /** What to run, as checked from the command line. */
    record Settings(Path peer, int rounds, int steps, List<Integer> threads, List<String> workloads,
            List<String> policies, Path csv, List<Long> grokSeeds, Path grokPeer, int probeSteps, boolean busyCotenant) {}

    /** The options, checked: every problem is a ParameterException naming the option. */
    Settings settings() {
        List<Long> seeds = seeds();
        return new Settings(Arguments.existingFile(spec, "--peer", peer), (int) Arguments.positive(spec, "--rounds", rounds),
                (int) Arguments.positive(spec, "--steps", steps), Arguments.positiveDistinct(spec, "--threads", threads),
                Arguments.among(spec, "--workloads", workloads, Workloads.names()),
                policies(), csv, seeds, seeds.isEmpty() ? null : Arguments.existingFile(spec, "--grok-peer", grokPeer),
                (int) Arguments.nonNegative(spec, "--probe-steps", probeSteps), busyCotenant);
    }

    /* --policies: each a WaitPolicy's name, none twice */
    private List<String> policies() {
        List<String> names = new ArrayList<>();
        for (String p : policies) {
            try {
                names.add(WaitPolicy.named(p).name());
            } catch (IllegalArgumentException e) {
                throw Arguments.fail(spec, "--policies names '" + p + "', which is not " + WaitPolicy.FORMS);
            }
        }
        return Arguments.distinct(spec, "--policies", names);
    }

    /* --grok-seeds: '' for none, else a list of distinct integers >= 0 */
    private List<Long> seeds() {
        if (grokSeeds.isBlank()) {
            return List.of();
        }
        List<Long> seeds = new ArrayList<>();
        for (String item : grokSeeds.split(",", -1)) {
            try {
                seeds.add(Arguments.nonNegative(spec, "--grok-seeds", Long.parseLong(item.trim())));
            } catch (NumberFormatException e) {
                throw Arguments.fail(spec, "--grok-seeds must be a list of integers >= 0, had '" + item + "'");
            }
        }
        return Arguments.distinct(spec, "--grok-seeds", seeds);
    }

    public static void main(String[] args) {
        System.exit(Arguments.execute(new Benchmark(), args));
    }

    @Override
    public Integer call() throws IOException {
        Settings s = settings();
        if (s.busyCotenant()) {
            try (BusyCotenant busy = BusyCotenant.start()) {
                System.out.println("with a busy co-tenant: " + busy.describe());
                run(s.workloads(), s.threads(), s.policies(), s.csv());
            }
        } else {
            run(s.workloads(), s.threads(), s.policies(), s.csv());
        }
        if (!s.grokSeeds().isEmpty()) {
            grokTimes(s.grokPeer(), s.grokSeeds());
        }
        if (s.probeSteps() > 0) {
            probeOverhead(s.probeSteps());
        }
        return 0;
    }

    /**
     * Grokking wall time per seed at one thread: grokkit, then the peer as it is, then the peer with
     * its BLAS pinned to one thread (see {@link #peer}); the ratios compare time per step, since the
     * two split the pairs with different generators and grok at different steps.
     */
    private void grokTimes(Path grokPeer, List<Long> seeds) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nEnd to end: x+y mod 59 until test accuracy 0.99"
                + " (1 thread, evaluation every 50 steps)%n%n| seed | grokkit steps | grokkit s | grokkit ms/step"
                + " | peer steps | peer s | peer ms/step | ratio of ms/step | peer ms/step, BLAS pinned"
                + " | ratio to pinned |%n|---|---|---|---|---|---|---|---|---|---|%n"));
        List<Double> ratios = new ArrayList<>();
        List<Double> ratiosPinned = new ArrayList<>();
        for (long seed : seeds) {
            ProcessBuilder ours = javaProcess(GrokTime.class, "--seed", Long.toString(seed));
            ours.environment().put("GROKKIT_THREADS", "1");
            String g = output(ours, "grokkit end to end");
            String p = output(peerGrok(grokPeer, seed, false), "peer end to end");
            String pinned = output(peerGrok(grokPeer, seed, true), "peer end to end (BLAS pinned)");
            double grokkitMs = msPerStep(g);
            double ratio = grokkitMs / msPerStep(p);
            double ratioPinned = grokkitMs / msPerStep(pinned);
            ratios.add(ratio);
            ratiosPinned.add(ratioPinned);
            table.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.2f | %.0f | %.1f | %.2f | %.2f | %.2f | %.2f |%n",
                    seed, number(g, "steps"), number(g, "seconds"), grokkitMs, number(p, "steps"), number(p, "seconds"),
                    msPerStep(p), ratio, msPerStep(pinned), ratioPinned));
        }
        System.out.print(table);
        System.out.printf(Locale.ROOT, "median ratio of time per step (grokkit / peer): %.2f; to the peer with BLAS pinned: %.2f%n",
                Timing.median(ratios.stream().mapToDouble(Double::doubleValue).toArray()),
                Timing.median(ratiosPinned.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** The peer's end-to-end run at one thread, as it is or with OPENBLAS_NUM_THREADS=1 (as {@link #peer}). */
    private static ProcessBuilder peerGrok(Path grokPeer, long seed, boolean blasPinned) {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", grokPeer.toString(), "--seed", Long.toString(seed),
                "--threads", "1");
        return blasPinned ? pinBlas(pb, 1) : pb;
    }

    private static double msPerStep(String json) {
        return 1e3 * number(json, "seconds") / number(json, "steps");
    }

    /** Wall time of a run logging every 100 steps with the basic probes against one logging twice. */
    private void probeOverhead(int probeSteps) {
        ProcessBuilder pb = javaProcess(ProbeOverhead.class, "--steps", Integer.toString(probeSteps));
        pb.environment().put("GROKKIT_THREADS", "1");
        String out = output(pb, "probe overhead");
        System.out.printf(Locale.ROOT, "%nProbe overhead (digits MLP, %d steps, batch 200, 1 thread): basic probes"
                + " every 100 steps %.2f s, no probes %.2f s: %+.1f%%%n", probeSteps, number(out, "seconds_with_probes"),
                number(out, "seconds_without"), 100 * number(out, "overhead"));
    }

    private void run(List<String> workloads, List<Integer> threads, List<String> policies, Path csv)
            throws IOException {
        Map<Integer, Double> peak = new LinkedHashMap<>();
        for (int t : threads) {
            double s = median(rounds, () -> grokkit("matmul-peak", t, "PASSIVE"));
            peak.put(t, Workloads.named("matmul-peak").flopsPerOp() / s / 1e9);
        }
        List<String> rows = new ArrayList<>();
        rows.add("workload,threads,wait_policy,grokkit_s_per_op,peer_s_per_op,ratio,ratio_min,ratio_max,"
                + "peer_blas_pinned_s_per_op,ratio_blas_pinned,gflops,peak_gflops,pct_peak");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| workload | threads | grokkit wait | grokkit s/op | peer s/op | ratio (range) | peer s/op, BLAS pinned"
                        + " | ratio to pinned | GFLOP/s | %% of peak |%n|---|---|---|---|---|---|---|---|---|---|%n"));
        for (String w : workloads) {
            Workload workload = Workloads.named(w);
            for (int t : threads) {
                double[][] ours = new double[policies.size()][rounds];
                double[] theirs = new double[rounds];
                double[] pinned = new double[rounds];
                IntConsumer peerRound = r -> {
                    theirs[r] = peer(w, t, false);
                    pinned[r] = peer(w, t, true);
                };
                for (int r = 0; r < rounds; r++) {
                    // Alternate who goes first so drift on a shared machine hits both sides.
                    if (r % 2 == 1) {
                        peerRound.accept(r);
                    }
                    for (int k = 0; k < policies.size(); k++) {
                        ours[k][r] = grokkit(w, t, policies.get(k));
                    }
                    if (r % 2 == 0) {
                        peerRound.accept(r);
                    }
                }
                double p = Timing.median(theirs);
                double pp = Timing.median(pinned);
                for (int k = 0; k < policies.size(); k++) {
                    String policy = policies.get(k);
                    double g = Timing.median(ours[k]);
                    double[] ratios = Timing.ratios(ours[k], theirs);
                    double ratio = Timing.median(ratios);
                    double ratioPinned = Timing.median(Timing.ratios(ours[k], pinned));
                    double min = Arrays.stream(ratios).min().orElseThrow();
                    double max = Arrays.stream(ratios).max().orElseThrow();
                    double gflops = workload.flopsPerOp() / g / 1e9;
                    table.append(String.format(Locale.ROOT, "| %s | %d | %s | %.4g | %.4g | %.2f (%.2f-%.2f) | %.4g | %.2f | %s | %s |%n",
                            w, t, policy.toLowerCase(Locale.ROOT), g, p, ratio, min, max, pp, ratioPinned,
                            Double.isNaN(gflops) ? "" : String.format(Locale.ROOT, "%.1f", gflops),
                            Double.isNaN(gflops) ? "" : String.format(Locale.ROOT, "%.0f%% of %.0f",
                                    100 * gflops / peak.get(t), peak.get(t))));
                    rows.add(String.format(Locale.ROOT, "%s,%d,%s,%.9g,%.9g,%.4f,%.4f,%.4f,%.9g,%.4f,%.3f,%.3f,%.2f", w, t,
                            policy, g, p, ratio, min, max, pp, ratioPinned, gflops, peak.get(t), 100 * gflops / peak.get(t)));
                    System.err.printf(Locale.ROOT, "%s threads=%d %s: grokkit %.4g s, peer %.4g s, ratio %.2f%n", w, t,
                            policy, g, p, ratio);
                }
            }
        }
        System.out.print(table);
        if (csv != null) {
            Path out = csv;
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.write(out, rows, StandardCharsets.UTF_8);
        }
    }

    private double grokkit(String workload, int threads, String policy) {
        ProcessBuilder pb = javaProcess(WorkloadMain.class, workload, "--steps", Integer.toString(steps));
        pb.environment().put("GROKKIT_THREADS", Integer.toString(threads));
        WaitPolicy.named(policy).applyTo(pb.environment());
        return secondsFrom(pb, "grokkit " + workload);
    }

    /**
     * The peer as it is, or with {@code blasPinned} also OPENBLAS_NUM_THREADS = threads: Debian's
     * PyTorch 1.13 runs its matrix products in OpenBLAS's own thread pool, which
     * torch.set_num_threads does not size, so at --threads 1 the peer's products run on two
     * threads (perf: sgemm samples split evenly between two threads). The pinned run shows the
     * peer at the thread count the table names; the script itself is unchanged.
     */
    private double peer(String workload, int threads, boolean blasPinned) {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", peer.toString(), workload, "--threads",
                Integer.toString(threads), "--steps", Integer.toString(steps));
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return secondsFrom(blasPinned ? pinBlas(pb, threads) : pb, "peer " + workload + (blasPinned ? " (BLAS pinned)" : ""));
    }

    /** The peer's process with OpenBLAS's own thread pool sized to {@code threads} (see {@link #peer}). */
    private static ProcessBuilder pinBlas(ProcessBuilder pb, int threads) {
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        return pb;
    }

    /** A fresh JVM running {@code main} with this process's class path. */
    private static ProcessBuilder javaProcess(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + key + "\" in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double secondsFrom(ProcessBuilder pb, String what) {
        return number(output(pb, what), "seconds_per_op");
    }

    /** Runs the process and returns its standard output; fails with it if the exit code is not 0. */
    private static String output(ProcessBuilder pb, String what) {
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            String out;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.lines().reduce("", (a, b) -> a + b + "\n");
            }
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(what + " failed (exit " + code + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        }
    }

    private static double median(int n, java.util.function.DoubleSupplier sample) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = sample.getAsDouble();
        }
        return Timing.median(v);
    }
}

package dev.grokkit.train;

import dev.grokkit.analysis.GrokkingTimes;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.ensemble.Ensemble;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One experiment per value of a parameter (training fraction, weight decay, seed, ...). The
 * result keeps every history and a summary table with one row per value: steps, memorization
 * and grokking steps (accuracy 0.99), final accuracies, seconds. Each run's model is closed as
 * soon as its history is kept.
 *
 * <p>{@link #parallelism(int)} runs several at once, each on its own thread with an equal share
 * of the engine's threads. {@link #saveTo(Path)} keeps each finished run on disk (history.csv,
 * then run.properties, each written to a temporary file and renamed), checkpoints the unfinished
 * ones, and on the next {@link #run()} loads the finished runs instead of redoing them and resumes
 * the others from their last checkpoint: a sweep killed at any moment loses at most the steps
 * since a checkpoint. A finished run is loaded only for the experiment that ran it (its identity, as
 * a checkpoint's) and a budget no smaller than its steps; a larger budget continues it. Runs are silent; the sweep reports each finished run to its listener.
 *
 * <p>Points whose experiments differ only in seed or data split (same model, optimizer, loss,
 * precision, steps, training-set size; full batch; see {@link Ensemble#stackingKey}) are trained
 * together as one {@link Ensemble}, each member's history its lone run's to float round-off;
 * {@link #groups()} shows the grouping, and {@link #ensembles(boolean) ensembles(false)} trains
 * every point alone. A saved sweep's members checkpoint into their points' folders in the lone-run
 * format and resume from them, each from its own latest checkpoint, as lone points do.
 */
public final class Sweep<T> {

    /** The run.properties key of the learning rates' digest, as checkpoints record it. */
    private static final String LEARNING_RATES = "learning_rates";
    private static final List<String> SUMMARY_COLUMNS = List.of("steps", "memorization_step", "grokking_step",
            "final_train_acc", "final_test_acc", "seconds");

    private final String parameter;
    private final List<T> values;
    private final Function<T, Experiment> experiments;
    private final int parallelism;
    private final Path dir;
    private final long checkpointEvery;
    private final RunListener listener;
    private final boolean ensembles;

    private Sweep(String parameter, List<T> values, Function<T, Experiment> experiments, int parallelism, Path dir,
            long checkpointEvery, RunListener listener, boolean ensembles) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.size(); i++) {
            Objects.requireNonNull(values.get(i), "sweep over '" + parameter + "': the value of point " + (i + 1) + " is null");
        }
        this.values = List.copyOf(values);
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.parallelism = parallelism;
        this.dir = dir;
        this.checkpointEvery = checkpointEvery;
        this.listener = listener;
        this.ensembles = ensembles;
        if (SUMMARY_COLUMNS.contains(parameter)) {
            throw new IllegalArgumentException("sweep parameter name '" + parameter
                    + "' clashes with a summary column; summary columns: " + SUMMARY_COLUMNS);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sweep over '" + parameter + "' needs at least one value");
        }
        if (values.stream().map(String::valueOf).distinct().count() != values.size()) {
            throw new IllegalArgumentException("sweep over '" + parameter + "' has repeated values: " + values);
        }
        if (dir != null) {
            SweepFolders.requireDistinct(parameter, values.stream().map(String::valueOf).toList());
        }
    }

    /** A sweep of {@code experiments.apply(v)} for each value v of {@code parameter}. */
    public static <T> Sweep<T> over(String parameter, List<T> values, Function<T, Experiment> experiments) {
        return new Sweep<>(parameter, values, experiments, 1, null, 0, null, true);
    }

    /** Runs {@code runs} experiments at a time (default 1), sharing the engine's threads among them. */
    public Sweep<T> parallelism(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + runs);
        }
        return new Sweep<>(parameter, values, experiments, runs, dir, checkpointEvery, listener, ensembles);
    }

    /**
     * Keeps finished runs in {@code directory} (one folder per value, named by {@link SweepFolders#name}) and
     * checkpoints unfinished ones every {@code checkpointEvery} steps, so that running the sweep again resumes it.
     * Refuses values that would share a folder, naming both.
     */
    public Sweep<T> saveTo(Path directory, long checkpointEvery) {
        Objects.requireNonNull(directory, "directory");
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("saveTo: " + directory + " is a file, not a directory");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, was " + checkpointEvery);
        }
        return new Sweep<>(parameter, values, experiments, parallelism, directory, checkpointEvery, listener, ensembles);
    }

    /** Who hears of each finished run (default: the default run listener, e.g. a progress bar). */
    public Sweep<T> listener(RunListener newListener) {
        return new Sweep<>(parameter, values, experiments, parallelism, dir, checkpointEvery,
                Objects.requireNonNull(newListener, "listener"), ensembles);
    }

    /**
     * Whether points that differ only in seed or data split are trained together as one
     * {@link Ensemble} (default true; false trains every point alone).
     */
    public Sweep<T> ensembles(boolean together) {
        return new Sweep<>(parameter, values, experiments, parallelism, dir, checkpointEvery, listener, together);
    }

    /**
     * The points in the order they are trained: a group of two or more is trained as one ensemble,
     * a point alone as a lone run.
     */
    public List<List<T>> groups() {
        return plan().groups();
    }

    /**
     * Runs what is not done yet and returns every finished run. If the calling thread is
     * interrupted, the running experiments stop (keeping their checkpoints) and the result holds
     * the runs finished so far. If a run fails, no other starts, the running ones finish, and a
     * {@link SweepFailure} names the failed point and holds the finished runs.
     */
    public Result<T> run() {
        Grokkit.engine(); // loads the native library before a worker sets its thread count
        int callerThreads = Grokkit.threadsOnThisThread();
        try {
            return runOnWorkers();
        } finally {
            // the workers' share became what new threads start with (Grokkit.useThreadsOnThisThread)
            Grokkit.useThreadsOnThisThread(callerThreads);
        }
    }

    private Result<T> runOnWorkers() {
        RunListener progress = listener != null ? listener : RunListeners.createDefault();
        progress.started("sweep over " + parameter + " (" + values.size() + " runs, " + parallelism + " at a time)",
                values.size());
        int engineThreads = Grokkit.threads();
        Plan<T> plan = plan();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        AtomicBoolean failed = new AtomicBoolean();
        Map<List<T>, Future<Map<T, Finished>>> futures = new LinkedHashMap<>();
        for (List<T> group : plan.groups()) {
            futures.put(group, pool.submit(() -> {
                if (failed.get()) {
                    return null; // another run failed: start no more
                }
                // intra-op threads are a per-thread setting in libtorch's OpenMP and MKL backends
                Grokkit.useThreadsOnThisThread(Math.max(1, engineThreads / parallelism));
                try {
                    return group.size() == 1 ? runAlone(group.get(0), plan.experiment(group.get(0)))
                            : runTogether(group, group.stream().map(plan::experiment).toList());
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }));
        }
        pool.shutdown();
        Map<T, Finished> done = new LinkedHashMap<>();
        Map<String, Throwable> failures = new LinkedHashMap<>();
        String reason = "completed " + values.size() + " runs";
        try {
            for (Map.Entry<List<T>, Future<Map<T, Finished>>> f : futures.entrySet()) {
                try {
                    Map<T, Finished> finished = f.getValue().get();
                    if (finished != null) {
                        finished.forEach((point, run) -> {
                            done.put(point, run);
                            progress.logged(done.size(), run.row());
                        });
                    }
                } catch (ExecutionException e) {
                    f.getKey().forEach(point -> failures.put(String.valueOf(point), e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            reason = "interrupted after " + done.size() + " runs";
        }
        if (!failures.isEmpty()) {
            progress.finished(done.size(), failures.size() + " failed");
            throw new SweepFailure(parameter, values.stream().map(String::valueOf).toList(), failures, summarize(done));
        }
        progress.finished(done.size(), reason);
        return summarize(done);
    }

    /**
     * Which points are trained together. With grouping on each point's
     * experiment is made once, here, and points whose experiments have equal
     * {@link Ensemble#stackingKey}s form one group, in the order of their first point; a point whose
     * experiment cannot be an ensemble member, or whose experiments function failed (the failure is
     * its run's), stays alone. With grouping off every point is alone and its experiment is made by
     * the worker that trains it, so no more experiments (and their data) exist at once than run.
     */
    private Plan<T> plan() {
        boolean grouping = ensembles;
        Map<T, Supplier<Experiment>> made = new LinkedHashMap<>();
        Map<Object, List<T>> groups = new LinkedHashMap<>();
        for (T v : values) {
            Object key = null;
            if (!grouping) {
                made.put(v, () -> make(v));
            } else {
                try {
                    Experiment e = make(v);
                    made.put(v, () -> e);
                    key = Ensemble.stackingKey(e).orElse(null);
                } catch (RuntimeException failure) {
                    made.put(v, () -> {
                        throw failure; // the point's run fails with it, as if the function had failed there
                    });
                }
            }
            groups.computeIfAbsent(key == null ? new Object() : key, k -> new ArrayList<>()).add(v);
        }
        return new Plan<>(List.copyOf(groups.values()), made);
    }

    private Experiment make(T v) {
        return Objects.requireNonNull(experiments.apply(v),
                () -> "the experiments function returned null for " + parameter + " = " + v);
    }

    /** The groups of points trained together, and each point's experiment as the experiments function made it. */
    private record Plan<T>(List<List<T>> groups, Map<T, Supplier<Experiment>> made) {

        /** The point's experiment; throws what the experiments function threw for it. */
        Experiment experiment(T point) {
            return made.get(point).get();
        }
    }

    private Path folder(T v) {
        return dir.resolve(SweepFolders.name(String.valueOf(v)));
    }

    /**
     * Loads the run of {@code v} if it finished before (refusing it if another experiment ran it, or
     * if the budget is now below the steps it took), otherwise runs or resumes it, also when the
     * budget grew past a finished run's; no entry if interrupted.
     */
    private Map<T, Finished> runAlone(T v, Experiment made) {
        Experiment experiment = asTrained(v, made);
        Finished saved = saved(v, experiment);
        if (saved != null && experiment.steps() <= saved.budget()) {
            return Map.of(v, saved);
        }
        try (Run run = dir != null ? experiment.runOrResume() : experiment.run()) {
            return kept(v, experiment, saved, run);
        }
    }

    /**
     * Trains {@code points} as one ensemble and keeps each member's run as a lone run's: with a
     * directory, as {@link #runAlone} does, each member loaded if it finished before, otherwise
     * resumed from its own checkpoints or trained from scratch.
     */
    private Map<T, Finished> runTogether(List<T> points, List<Experiment> made) {
        Map<T, Finished> done = new LinkedHashMap<>();
        Map<T, Finished> savedBefore = new LinkedHashMap<>();
        Map<T, Experiment> members = new LinkedHashMap<>();
        for (int k = 0; k < points.size(); k++) {
            T v = points.get(k);
            Experiment experiment = asTrained(v, made.get(k));
            Finished saved = saved(v, experiment);
            if (saved != null && experiment.steps() <= saved.budget()) {
                done.put(v, saved);
            } else {
                savedBefore.put(v, saved);
                members.put(v, experiment);
            }
        }
        if (members.isEmpty()) {
            return done;
        }
        Ensemble ensemble = Ensemble.of(List.copyOf(members.values()));
        List<Run> runs = dir != null ? ensemble.runOrResume() : ensemble.run();
        try {
            int k = 0;
            for (Map.Entry<T, Experiment> member : members.entrySet()) {
                T v = member.getKey();
                kept(v, member.getValue(), savedBefore.get(v), runs.get(k++)).forEach(done::put);
            }
        } finally {
            runs.forEach(Run::close);
        }
        return done;
    }

    /** The point's experiment as the sweep trains it: silent, and checkpointing into its folder if the sweep saves. */
    private Experiment asTrained(T v, Experiment made) {
        Experiment.Builder b = made.toBuilder().listener(RunListeners::silent);
        if (dir != null) {
            b.checkpoints(folder(v).resolve(SweepFolders.CHECKPOINTS), checkpointEvery);
        }
        return b.build();
    }

    /** The run of {@code v} saved by an earlier call, if the sweep saves and there is one (refused if another experiment ran it). */
    private Finished saved(T v, Experiment experiment) {
        return dir != null && Files.isRegularFile(folder(v).resolve(SweepFolders.RUN))
                ? Finished.load(String.valueOf(v), folder(v), experiment) : null;
    }

    /** The finished run of {@code v} as the sweep keeps it (saved to its folder if the sweep saves); none if interrupted. */
    private Map<T, Finished> kept(T v, Experiment experiment, Finished savedBefore, Run run) {
        if (run.stopReason().startsWith("interrupted")) {
            return Map.of();
        }
        Finished finished = new Finished(String.valueOf(v), run.history(), run.steps(), experiment.steps(),
                (savedBefore == null ? 0 : savedBefore.seconds()) + run.seconds());
        if (dir != null) {
            finished.save(folder(v), experiment);
        }
        return Map.of(v, finished);
    }

    /** The result of the finished runs, in sweep order. */
    private Result<T> summarize(Map<T, Finished> finished) {
        Map<T, Finished> done = new LinkedHashMap<>();
        values.stream().filter(finished::containsKey).forEach(v -> done.put(v, finished.get(v)));
        Map<T, History> histories = new LinkedHashMap<>();
        StringColumn value = StringColumn.create(parameter);
        IntColumn steps = IntColumn.create(SUMMARY_COLUMNS.get(0));
        IntColumn mem = IntColumn.create(SUMMARY_COLUMNS.get(1));
        IntColumn grok = IntColumn.create(SUMMARY_COLUMNS.get(2));
        DoubleColumn trainAcc = DoubleColumn.create(SUMMARY_COLUMNS.get(3));
        DoubleColumn testAcc = DoubleColumn.create(SUMMARY_COLUMNS.get(4));
        DoubleColumn seconds = DoubleColumn.create(SUMMARY_COLUMNS.get(5));
        done.forEach((point, f) -> {
            GrokkingTimes times = GrokkingTimes.of(f.history());
            histories.put(point, f.history());
            value.append(f.value());
            steps.append((int) f.steps());
            appendStep(mem, times.memorizationStep());
            appendStep(grok, times.grokkingStep());
            trainAcc.append(f.history().last("train_acc"));
            testAcc.append(f.history().last("test_acc"));
            seconds.append(f.seconds());
        });
        Table summary = Table.create("sweep over " + parameter, value, steps, mem, grok, trainAcc, testAcc, seconds);
        return new Result<>(summary, histories);
    }

    private static void appendStep(IntColumn column, long step) {
        if (step < 0) {
            column.appendMissing();
        } else {
            column.append((int) step);
        }
    }

    /** A finished run as the sweep keeps it. */
    private record Finished(String value, History history, long steps, long budget, double seconds) {

        /** What the listener hears: the run's index values and grokking times. */
        Map<String, Double> row() {
            GrokkingTimes times = GrokkingTimes.of(history);
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("steps", (double) steps);
            row.put("memorization_step", times.memorized() ? (double) times.memorizationStep() : Double.NaN);
            row.put("grokking_step", times.grokked() ? (double) times.grokkingStep() : Double.NaN);
            row.put("final_test_acc", history.last("test_acc"));
            return row;
        }

        /**
         * history.csv, then run.properties: the second file's presence means the run finished. It
         * records the experiment's identity and the learning rates its steps took, as a checkpoint does.
         */
        void save(Path folder, Experiment experiment) {
            history.save(folder.resolve(SweepFolders.HISTORY));
            Properties p = new Properties();
            p.setProperty("value", value);
            p.setProperty("name", history.name());
            p.setProperty("steps", Long.toString(steps));
            p.setProperty("budget", Long.toString(budget));
            p.setProperty("seconds", Double.toString(seconds));
            ExperimentIdentity.of(experiment).addTo(p);
            p.setProperty(LEARNING_RATES, ExperimentIdentity.learningRates(experiment, steps));
            Path target = folder.resolve(SweepFolders.RUN);
            Path tmp = folder.resolve("run.properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "a finished run of a sweep");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + tmp, e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename " + tmp + " to " + target, e);
            }
        }

        /** The finished run in {@code folder}, if {@code experiment} ran it and asks for no fewer steps than it took. */
        static Finished load(String value, Path folder, Experiment experiment) {
            Properties p = new Properties();
            Path file = folder.resolve(SweepFolders.RUN);
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (CharacterCodingException | IllegalArgumentException e) { // malformed bytes or escapes
                throw damaged(file, "it is not UTF-8 text in the properties format (" + e + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " (" + e + ")", e);
            }
            String saved = p.getProperty("value");
            if (saved == null) {
                throw damaged(file, "it names no value");
            }
            if (!value.equals(saved)) {
                throw new IllegalStateException(file + " is the run of value '" + saved
                        + "', not '" + value + "'; use another directory for this sweep");
            }
            long steps = number(file, p, "steps", Long::parseLong, "a whole number");
            requireRunBy(file, p, experiment, steps);
            if (experiment.steps() < steps) {
                throw new IllegalStateException(file + " is a finished run of " + steps + " steps, and the sweep now"
                        + " asks for " + experiment.steps() + ": a run cannot be shortened; ask for at least " + steps
                        + " steps, or use another directory");
            }
            History history = History.load(folder.resolve(SweepFolders.HISTORY));
            history.setName(p.getProperty("name", history.name()));
            return new Finished(value, history, steps, number(file, p, "budget", Long::parseLong, "a whole number"),
                    number(file, p, "seconds", Double::parseDouble, "a number"));
        }

        /** Refuses a finished run that another experiment (or another learning-rate schedule) ran. */
        private static void requireRunBy(Path file, Properties p, Experiment experiment, long steps) {
            ExperimentIdentity saved;
            try {
                saved = ExperimentIdentity.from(p);
            } catch (IllegalArgumentException e) {
                throw damaged(file, e.getMessage() + " (the identity of the experiment that ran it)");
            }
            List<String> differences = new ArrayList<>(saved.differencesFrom(ExperimentIdentity.of(experiment)));
            if (differences.isEmpty()
                    && !ExperimentIdentity.learningRates(experiment, steps).equals(p.getProperty(LEARNING_RATES))) {
                differences.add("learning rates: the schedule of " + experiment.optimizer().describe()
                        + " does not give the learning rates the run took in its " + steps + " steps");
            }
            if (!differences.isEmpty()) {
                throw new IllegalStateException(file + " is the finished run of another experiment, differing in:\n  "
                        + String.join("\n  ", differences) + "\nrun the sweep with that experiment, or use another"
                        + " directory");
            }
        }

        private static <N> N number(Path file, Properties p, String key, Function<String, N> parse, String what) {
            String text = p.getProperty(key);
            if (text == null) {
                throw damaged(file, key + " is missing");
            }
            try {
                return parse.apply(text.strip());
            } catch (NumberFormatException e) {
                throw damaged(file, key + " '" + text + "' is not " + what);
            }
        }

        private static IllegalStateException damaged(Path file, String problem) {
            return new IllegalStateException(file + " is damaged: " + problem + "; delete the folder "
                    + file.getParent() + " to redo this run");
        }
    }

    /**
     * Summary table (one row per finished point, the point's text in the parameter's column; a step never
     * reached is missing) and histories by point, in sweep order.
     */
    public record Result<T>(Table summary, Map<T, History> histories) {

        public Result {
            histories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(histories));
        }

        /** The finished points in sweep order. */
        public List<T> points() {
            return new ArrayList<>(histories.keySet());
        }

        /** The history of {@code point}; refuses a point the sweep did not finish, naming it. */
        public History history(T point) {
            History h = histories.get(point);
            if (h == null) {
                throw new IllegalArgumentException("the sweep has no finished run for " + point + "; finished: "
                        + histories.keySet());
            }
            return h;
        }
    }
}

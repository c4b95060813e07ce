package dev.grokkit.train;

import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Dataset;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.AbstractModelSpec;
import dev.grokkit.model.Loss;
import dev.grokkit.model.Losses;
import dev.grokkit.model.ModelLoss;
import dev.grokkit.model.ModelSpec;
import dev.grokkit.optim.AbstractOptimizerSpec;
import dev.grokkit.optim.OptimizerSpec;
import dev.grokkit.probe.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything that defines a training run: data, model, optimizer, loss, steps, batch, seed,
 * precision, input noise, probes, when to log, when to stop, where to checkpoint. Immutable (the
 * model and optimizer specs are copied at {@link Builder#build()}, so changing them later changes
 * no built experiment); {@link #run()} trains from scratch and {@link #resume()} continues from
 * the latest checkpoint. The same experiment run twice gives the same history.
 *
 * <p>A checkpoint directory has one owner: opening it for a run locks it until the run ends, and
 * refuses it if it holds another experiment's checkpoints ({@link ExperimentIdentity}). A failure
 * part-way through a run is a {@link RunFailedException} carrying the run so far.
 */
public final class Experiment {

    private final String name;
    private final Dataset data;
    private final ModelSpec model;
    private final OptimizerSpec optimizer;
    private final Loss loss;
    private final long steps;
    private final int batchSize;
    private final long seed;
    private final DataType dtype;
    private final List<Probe> probes;
    private final LogSchedule logSchedule;
    private final List<StopRule> stopRules;
    private final Supplier<RunListener> listener;
    private final Path checkpointDir;
    private final long checkpointEvery;
    private final int evalBatchSize;
    private final InputNoise inputNoise;

    private Experiment(Builder b) {
        name = b.name != null ? b.name : b.data.name();
        data = b.data;
        model = b.model instanceof AbstractModelSpec<?> spec ? spec.copy() : b.model;
        optimizer = b.optimizer instanceof AbstractOptimizerSpec<?> spec ? spec.copy() : b.optimizer;
        loss = b.loss;
        steps = b.steps;
        batchSize = b.batchSize;
        seed = b.seed;
        dtype = b.dtype;
        probes = List.copyOf(b.probes);
        logSchedule = b.logSchedule;
        List<StopRule> rules = new ArrayList<>(b.stopRules);
        rules.add(0, Stop.diverged());
        stopRules = List.copyOf(rules);
        listener = b.listener;
        checkpointDir = b.checkpointDir;
        checkpointEvery = b.checkpointEvery;
        evalBatchSize = b.evalBatchSize;
        inputNoise = b.inputNoise;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains from scratch. Checkpoints, if configured, are written as it goes; the first replaces
     * the checkpoints this experiment left in the directory before.
     */
    public Run run() {
        return new TrainingLoop(this, TrainingLoop.Start.FRESH).run();
    }

    /**
     * Continues from the latest checkpoint in the checkpoint directory: the model, optimizer
     * state and history are restored, and the run goes on to {@link #steps()} exactly as if it
     * had never stopped. A run that had finished (its budget reached, or a stop rule fired at its
     * last row) is returned at once; a budget below the checkpoint's step is refused, since a
     * checkpoint cannot be rewound.
     */
    public Run resume() {
        if (checkpointDir == null) {
            throw new IllegalStateException("resume needs a checkpoint directory: set checkpoints(dir, every)");
        }
        return new TrainingLoop(this, TrainingLoop.Start.RESUME).run();
    }

    /**
     * Resumes from the latest checkpoint if the checkpoint directory has one, otherwise trains from
     * scratch: the call to repeat after a crash or a kill (a run that had finished returns at once).
     */
    public Run runOrResume() {
        if (checkpointDir == null) {
            throw new IllegalStateException("runOrResume needs a checkpoint directory: set checkpoints(dir, every)");
        }
        return new TrainingLoop(this, TrainingLoop.Start.RUN_OR_RESUME).run();
    }

    /** A copy with another step budget (e.g. to continue a finished run further with resume()). */
    public Experiment withSteps(long newSteps) {
        return toBuilder().steps(newSteps).build();
    }

    /** A builder holding this experiment's settings. */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).data(data).model(model).optimizer(optimizer).loss(loss)
                .steps(steps).seed(seed).precision(dtype).logSchedule(logSchedule)
                .listener(listener).evalBatchSize(evalBatchSize).inputNoise(inputNoise);
        b.batchSize = batchSize;
        b.probes.addAll(probes);
        b.stopRules.addAll(stopRules.subList(1, stopRules.size()));
        if (checkpointDir != null) {
            b.checkpoints(checkpointDir, checkpointEvery);
        }
        return b;
    }

    /** One paragraph saying what runs; checkpoints record it to refuse resuming another experiment. */
    public String describe() {
        return name + " | data: " + data.name() + " | model: " + model.describe() + " | optimizer: "
                + optimizer.describe() + " | loss: " + loss.name() + " | "
                + (batchSize == 0 ? "full batch" : "batch " + batchSize) + " | seed " + seed + " | "
                + dtype.name().toLowerCase() + (inputNoise.isNone() ? "" : " | " + inputNoise.describe());
    }

    public String name() { return name; }
    public Dataset data() { return data; }
    public ModelSpec model() { return model; }
    public OptimizerSpec optimizer() { return optimizer; }
    public Loss loss() { return loss; }
    public long steps() { return steps; }
    /** Examples per step; 0 means the full training set. */
    public int batchSize() { return batchSize; }
    public long seed() { return seed; }
    public DataType dtype() { return dtype; }
    public List<Probe> probes() { return probes; }
    public LogSchedule logSchedule() { return logSchedule; }

    /**
     * Whether the run writes a history row after {@code step} updates: where the log schedule says so,
     * at the last step, and where a probe needs one ({@link Probe#needsRowAt}, e.g. a Hessian probe's
     * fractions of training), so no probe is dropped by a schedule that misses its steps.
     */
    public boolean logsAt(long step) {
        if (step == steps || logSchedule.includes(step)) {
            return true;
        }
        for (Probe probe : probes) { // asked every step: a loop, not a stream per step
            if (probe.needsRowAt(step, steps)) {
                return true;
            }
        }
        return false;
    }
    public List<StopRule> stopRules() { return stopRules; }
    Supplier<RunListener> listener() { return listener; }
    public Path checkpointDir() { return checkpointDir; }
    public long checkpointEvery() { return checkpointEvery; }
    public int evalBatchSize() { return evalBatchSize; }
    public InputNoise inputNoise() { return inputNoise; }

    @Override
    public String toString() {
        return describe() + " | " + steps + " steps";
    }

    /** Fluent settings; data, model, optimizer and steps are required. */
    public static final class Builder {
        private String name;
        private Dataset data;
        private ModelSpec model;
        private OptimizerSpec optimizer;
        private Loss loss = Losses.crossEntropy();
        private long steps = -1;
        private int batchSize;
        private long seed;
        private DataType dtype = DataType.FLOAT32;
        private final List<Probe> probes = new ArrayList<>();
        private LogSchedule logSchedule = LogSchedule.every(100);
        private final List<StopRule> stopRules = new ArrayList<>();
        private Supplier<RunListener> listener = RunListeners::createDefault;
        private Path checkpointDir;
        private long checkpointEvery;
        private int evalBatchSize = 4096;
        private InputNoise inputNoise = InputNoise.none();

        private Builder() {}

        public Builder name(String name) { this.name = Objects.requireNonNull(name, "name"); return this; }

        public Builder data(Dataset data) { this.data = Objects.requireNonNull(data, "data"); return this; }

        public Builder model(ModelSpec model) { this.model = Objects.requireNonNull(model, "model"); return this; }

        public Builder optimizer(OptimizerSpec optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            return this;
        }

        public Builder loss(Loss loss) { this.loss = Objects.requireNonNull(loss, "loss"); return this; }

        /** Number of optimizer updates, at least 1. */
        public Builder steps(long steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, was " + steps);
            }
            this.steps = steps;
            return this;
        }

        /** Every step uses the whole training set (the modular-arithmetic default). */
        public Builder fullBatch() { this.batchSize = 0; return this; }

        /** Every step uses {@code size} examples, in a fresh seeded random order each epoch. */
        public Builder batchSize(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("batch size must be positive, was " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Seeds initialization, batch order and the engine's per-step randomness. */
        public Builder seed(long seed) { this.seed = seed; return this; }

        /** FLOAT32 (default) or FLOAT64 (Omnigrok). */
        public Builder precision(DataType dtype) {
            if (dtype != DataType.FLOAT32 && dtype != DataType.FLOAT64) {
                throw new IllegalArgumentException("precision must be FLOAT32 or FLOAT64, was " + dtype);
            }
            this.dtype = dtype;
            return this;
        }

        /** Precision by name: "float32" or "float64". */
        public Builder precision(String name) { return precision(Grokkit.precision(name)); }

        public Builder probes(Probe... more) {
            for (Probe p : more) {
                probes.add(Objects.requireNonNull(p, "probe"));
            }
            return this;
        }

        /** Records a history row every {@code n} steps (and at the first and last step). */
        public Builder logEvery(long n) { this.logSchedule = LogSchedule.every(n); return this; }

        public Builder logSchedule(LogSchedule schedule) {
            this.logSchedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** Ends the run at the first logged row where a rule fires. */
        public Builder stopWhen(StopRule... rules) {
            for (StopRule r : rules) {
                stopRules.add(Objects.requireNonNull(r, "stop rule"));
            }
            return this;
        }

        /** Who follows the run (default: the environment's progress display). */
        public Builder listener(Supplier<RunListener> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** No progress output. */
        public Builder quiet() { this.listener = RunListeners::silent; return this; }

        /** Writes a checkpoint into {@code dir} every {@code every} steps and at the end. */
        public Builder checkpoints(Path dir, long every) {
            if (every <= 0) {
                throw new IllegalArgumentException("checkpoint interval must be positive, was " + every);
            }
            this.checkpointDir = Objects.requireNonNull(dir, "dir");
            this.checkpointEvery = every;
            return this;
        }

        /** Examples per forward pass when evaluating (bounds memory on large test sets). */
        public Builder evalBatchSize(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("eval batch size must be positive, was " + n);
            }
            this.evalBatchSize = n;
            return this;
        }

        /**
         * Perturbed training: Gaussian noise on the inputs (token models: on the embeddings) in every
         * training step, its scale set by the latest logged train accuracy; histories gain the column
         * "input_noise_std". Default {@link InputNoise#none()}.
         */
        public Builder inputNoise(InputNoise noise) {
            this.inputNoise = Objects.requireNonNull(noise, "noise");
            return this;
        }

        public Experiment build() {
            List<String> missing = new ArrayList<>();
            if (data == null) missing.add("data");
            if (model == null) missing.add("model");
            if (optimizer == null) missing.add("optimizer");
            if (steps < 0) missing.add("steps");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("experiment is missing " + String.join(", ", missing));
            }
            if (batchSize > data.train().size()) {
                throw new IllegalArgumentException("batch size " + batchSize + " exceeds the "
                        + data.train().size() + " training examples");
            }
            if (!inputNoise.isNone() && loss instanceof ModelLoss) {
                throw new IllegalArgumentException("inputNoise: perturbed training needs a plain loss, not the model loss "
                        + loss.name() + " (which runs its own forward passes)");
            }
            Set<String> columns = new HashSet<>(History.CORE_COLUMNS);
            columns.add(TrainingLoop.NOISE_COLUMN);
            for (Probe p : probes) {
                for (String c : p.columns()) {
                    if (!columns.add(c) || c.equals("step")) {
                        throw new IllegalArgumentException("probe '" + p.name() + "' adds column '" + c
                                + "', which another probe or the core columns already have");
                    }
                }
            }
            return new Experiment(this);
        }
    }
}

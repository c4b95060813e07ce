package dev.grokkit.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.probe.Probe;
import dev.grokkit.probe.ProbeContext;
import dev.grokkit.probe.ProbeContext.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The loop behind {@link Experiment#run()}: for step = start .. steps, record a history row when
 * the log schedule says so (the model after {@code step} updates), check the stop rules, write a
 * checkpoint when due, then make one update. Each step's temporaries live in an {@link NDScope},
 * so native memory stays flat however long the run.
 *
 * <p>Determinism: the model is initialized from the experiment's seed; minibatch order is a
 * function of (seed, epoch); the engine's generator is reseeded from (seed, step) before every
 * update, so anything it draws (SGLD noise) depends on the step alone and a resumed run continues
 * exactly as an uninterrupted one. With {@link InputNoise}, the noise scale of every update is set by
 * the train accuracy of the latest row the log schedule asked for (not of the extra rows written at
 * the end of a session), so it too is the same in a resumed run.
 *
 * <p>With checkpoints, the run holds its {@link CheckpointDirectory} (locked, checked to be this
 * experiment's) from start to end. A resumed run whose checkpoint is at the budget, or whose last
 * row a stop rule ends, is returned at once; a budget below the checkpoint's step is refused. A
 * failure after some progress is a {@link RunFailedException} carrying the run so far.
 */
final class TrainingLoop {

    /** The history column of perturbed runs: the noise scale s a row's train accuracy sets. */
    static final String NOISE_COLUMN = "input_noise_std";

    /** Where a run starts: from scratch, from the latest checkpoint, or from it if there is one. */
    enum Start { FRESH, RESUME, RUN_OR_RESUME }

    private final Experiment experiment;
    private final Start start;

    TrainingLoop(Experiment experiment, Start start) {
        this.experiment = experiment;
        this.start = start;
    }

    Run run() {
        Engine engine = Grokkit.engine();
        CheckpointDirectory directory = experiment.checkpointDir() == null ? null
                : CheckpointDirectory.open(experiment, start == Start.FRESH);
        try {
            Checkpoint resumeFrom = directory == null || start == Start.FRESH ? null
                    : directory.latest().orElse(null);
            if (start == Start.RESUME && resumeFrom == null) {
                throw new IllegalStateException("no checkpoint to resume in " + experiment.checkpointDir());
            }
            if (resumeFrom != null) {
                ResumePoint.checkWithinBudget(resumeFrom, experiment);
            }
            NDManager root = engine.newBaseManager();
            try {
                // evaluation and probes run without recording (backward passes record for themselves);
                // the calling thread's mode is restored when the run returns
                return Autograd.notRecording(() -> train(root, directory, resumeFrom));
            } catch (RuntimeException | Error e) {
                if (!(e instanceof RunFailedException)) {
                    root.close();
                }
                throw e;
            }
        } finally {
            if (directory != null) {
                directory.close();
            }
        }
    }

    private Run train(NDManager root, CheckpointDirectory directory, Checkpoint resumeFrom) {
        var data = experiment.data();
        GrokModel model = Grokkit.seeded(experiment.seed(),
                () -> experiment.model().build(data.train(), experiment.dtype(), root));
        GrokOptimizer optimizer = experiment.optimizer().build();
        NDArray trainX = data.train().inputs(root, experiment.dtype());
        NDArray trainY = data.train().labelArray(root);
        NDArray testX = data.test().inputs(root, experiment.dtype());
        NDArray testY = data.test().labelArray(root);

        InputNoise noise = experiment.inputNoise();
        ResumePoint resume = ResumePoint.of(resumeFrom, experiment, model, optimizer, model.manager());
        History history = resume.history();
        long start = resume.start();
        long startNanos = System.nanoTime();
        long step = start;
        try {
            String reason = resume.resumed() ? endedAt(history, start) : null;
            if (reason != null) { // a finished run: returned as it is, nothing recorded or written
                return new Run(experiment, model, root, history, step, reason, (System.nanoTime() - startNanos) / 1e9);
            }
            RunListener listener = experiment.listener().get();
            listener.started(experiment.name(), experiment.steps());
            long total = experiment.steps();
            reason = "completed " + total + " steps";
            TrainingStep trainingStep = new TrainingStep(model, optimizer, experiment.loss());
            double noiseStd = noise.std(latestScheduledTrainAccuracy(history));
            MinibatchSampler sampler = new MinibatchSampler(data.train().size(), experiment.batchSize(),
                    experiment.seed());
            for (; ; step++) {
                boolean last = step == total;
                if (resume.rowDueAt(experiment, step)) {
                    Map<String, Double> row = record(model, trainX, trainY, testX, testY, step, history);
                    if (experiment.logSchedule().includes(step)) {
                        noiseStd = noise.std(row.get("train_acc"));
                    }
                    listener.logged(step, row);
                    Optional<String> stop = Stop.first(experiment.stopRules(), row);
                    if (stop.isPresent()) {
                        reason = stop.get() + " at step " + step;
                        break;
                    }
                }
                if (last) {
                    break;
                }
                if (directory != null && resume.checkpointDueAt(experiment, step)) {
                    directory.save(step, model, optimizer, history);
                }
                if (Thread.interrupted()) {
                    if (!loggedAt(history, step)) {
                        listener.logged(step, record(model, trainX, trainY, testX, testY, step, history));
                    }
                    reason = "interrupted at step " + step;
                    break;
                }
                update(trainingStep, trainX, trainY, sampler, step, noiseStd);
            }
            if (directory != null && resume.didSomethingBy(step)) {
                directory.save(step, model, optimizer, history);
            }
            listener.finished(step, reason);
            return new Run(experiment, model, root, history, step, reason, (System.nanoTime() - startNanos) / 1e9);
        } catch (RuntimeException e) {
            if (!resume.didSomethingBy(step)) {
                throw e; // nothing done in this call to hand back (e.g. a probe refusing the model at the first row)
            }
            throw new RunFailedException(new Run(experiment, model, root, history, step,
                    "failed at step " + step + ": " + e, (System.nanoTime() - startNanos) / 1e9), e);
        }
    }

    /**
     * Why a resumed run had already ended at {@code step}: its budget was reached, or a stop rule
     * fires on the row recorded there; null if it goes on.
     */
    String endedAt(History history, long step) {
        if (step == experiment.steps()) {
            return "completed " + step + " steps";
        }
        if (!loggedAt(history, step)) {
            return null;
        }
        Map<String, Double> row = new LinkedHashMap<>();
        history.lastRow().forEach((column, value) -> {
            if (!Double.isNaN(value) || column.equals("step") || History.CORE_COLUMNS.contains(column)) {
                row.put(column, value); // a missing probe value was not measured; a missing core value was NaN
            }
        });
        return Stop.first(experiment.stopRules(), row).map(reason -> reason + " at step " + step).orElse(null);
    }

    /** Whether the history's last row is at {@code step}. */
    static boolean loggedAt(History history, long step) {
        long[] steps = history.steps();
        return steps.length > 0 && steps[steps.length - 1] == step;
    }

    /** The train accuracy of the last history row the log schedule asked for; NaN if none. */
    private double latestScheduledTrainAccuracy(History history) {
        long[] steps = history.steps();
        double[] accuracy = history.values("train_acc");
        for (int i = steps.length - 1; i >= 0; i--) {
            if (experiment.logSchedule().includes(steps[i])) {
                return accuracy[i];
            }
        }
        return Double.NaN;
    }

    /** One optimizer update on the step's batch, with the engine reseeded from (seed, step). */
    private void update(TrainingStep trainingStep, NDArray trainX, NDArray trainY, MinibatchSampler sampler,
            long step, double noiseStd) {
        long seed = experiment.seed() * 1_000_003L + step;
        if (experiment.batchSize() == 0) {
            trainingStep.run(trainX, trainY, seed, noiseStd);
            return;
        }
        try (NDScope scope = new NDScope()) {
            NDArray index = trainX.getManager().create(sampler.batch(step));
            trainingStep.run(trainX.get(index), trainY.get(index), seed, noiseStd);
        }
    }

    /** The value columns of the experiment's history: the core ones, the noise scale if perturbed, the probes'. */
    static List<String> historyColumns(Experiment experiment) {
        List<String> columns = new ArrayList<>(History.CORE_COLUMNS);
        if (!experiment.inputNoise().isNone()) {
            columns.add(NOISE_COLUMN);
        }
        experiment.probes().forEach(p -> columns.addAll(p.columns()));
        return columns;
    }

    /** Measures the core columns and the probes due at this step, and appends the row. */
    Map<String, Double> record(GrokModel model, NDArray trainX, NDArray trainY, NDArray testX,
            NDArray testY, long step, History history) {
        Map<String, Double> row = new LinkedHashMap<>();
        try (NDScope scope = new NDScope()) {
            ProbeContext context = new ProbeContext(model, experiment.loss(), experiment.data(), trainX, trainY,
                    testX, testY, step, experiment.steps(), experiment.evalBatchSize());
            List<Probe> due = experiment.probes().stream().filter(p -> p.runsAt(step, experiment.steps())).toList();
            context.prepareFor(due);
            row.put("train_loss", context.lossValue(Split.TRAIN));
            row.put("train_acc", context.accuracy(Split.TRAIN));
            row.put("test_loss", context.lossValue(Split.TEST));
            row.put("test_acc", context.accuracy(Split.TEST));
            if (!experiment.inputNoise().isNone()) {
                row.put(NOISE_COLUMN, experiment.inputNoise().std(row.get("train_acc")));
            }
            for (Probe probe : due) {
                double[] values = probe.measure(context);
                List<String> names = probe.columns();
                if (values.length != names.size()) {
                    throw new IllegalStateException("probe '" + probe.name() + "' returned " + values.length
                            + " values for its " + names.size() + " columns " + names);
                }
                for (int i = 0; i < values.length; i++) {
                    row.put(names.get(i), values[i]);
                }
            }
        }
        history.append(step, row);
        Map<String, Double> withStep = new LinkedHashMap<>();
        withStep.put("step", (double) step);
        withStep.putAll(row);
        return withStep;
    }

    /** Minibatch indices as a function of (seed, step): a fresh permutation every epoch. */
    static final class MinibatchSampler {
        private final int n;
        private final int batch;
        private final long seed;
        private long epoch = -1;
        private int[] order;

        MinibatchSampler(int n, int batch, long seed) {
            this.n = n;
            this.batch = batch;
            this.seed = seed;
        }

        int[] batch(long step) {
            long perEpoch = n / batch;
            long e = step / perEpoch;
            if (e != epoch) {
                epoch = e;
                order = permutation(new Random(seed * 0x9E3779B97F4A7C15L + e));
            }
            int offset = (int) ((step % perEpoch) * batch);
            int[] out = new int[batch];
            System.arraycopy(order, offset, out, 0, batch);
            return out;
        }

        private int[] permutation(Random random) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }
}

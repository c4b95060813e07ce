package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.grokkit.model.GrokModel;
import dev.grokkit.optim.GrokOptimizer;
import java.util.Map;
import java.util.Optional;

/**
 * A lone run's bookkeeping for code that trains an experiment's model by other means (an
 * ensemble trains many models as one computation): the history a lone run keeps, rows recorded
 * by the very code a lone run uses (losses, accuracies, probes), its stop decisions, its
 * checkpoints (the lone run's directory, lock and format, so either can resume what the other
 * wrote), and the {@link Run} it ends with. Close it (or {@link #finish} it) to release the
 * checkpoint directory.
 */
public final class RunRecorder implements AutoCloseable {

    private final Experiment experiment;
    private final TrainingLoop loop;
    private final CheckpointDirectory directory;
    private ResumePoint resume;
    private boolean closed;

    /** A run from scratch; a checkpointing experiment's first save replaces the checkpoints it left before. */
    public RunRecorder(Experiment experiment) {
        this(experiment, false);
    }

    private RunRecorder(Experiment experiment, boolean resuming) {
        this.experiment = experiment;
        this.loop = new TrainingLoop(experiment, null);
        this.resume = ResumePoint.fresh(experiment);
        this.directory = experiment.checkpointDir() == null ? null : CheckpointDirectory.open(experiment, !resuming);
    }

    /**
     * The recorder of a run resumed from the latest checkpoint in the experiment's checkpoint
     * directory, or from scratch if it has none (as {@link Experiment#runOrResume()}): {@code model}
     * and {@code optimizer}, freshly built, are set to the checkpoint's state (the optimizer's slots
     * in {@code manager}) and the history to the checkpoint's.
     */
    public static RunRecorder runOrResume(Experiment experiment, GrokModel model, GrokOptimizer optimizer,
            NDManager manager) {
        if (experiment.checkpointDir() == null) {
            throw new IllegalStateException("runOrResume needs a checkpoint directory: set checkpoints(dir, every) on "
                    + experiment.name());
        }
        RunRecorder recorder = new RunRecorder(experiment, true);
        try {
            recorder.resume = ResumePoint.of(recorder.directory.latest().orElse(null), experiment, model, optimizer, manager);
            return recorder;
        } catch (RuntimeException | Error e) {
            recorder.close();
            throw e;
        }
    }

    public History history() {
        return resume.history();
    }

    /** The step the run starts from: 0, or its checkpoint's. */
    public long startStep() {
        return resume.start();
    }

    /** Why the resumed run had already ended at its start (budget reached, or a stop rule at its last row); empty if it goes on. */
    public Optional<String> endedAtStart() {
        return !resume.resumed() ? Optional.empty() : Optional.ofNullable(loop.endedAt(resume.history(), resume.start()));
    }

    /** Whether the history's last row is at {@code step}. */
    public boolean loggedAt(long step) {
        return resume.loggedAt(step);
    }

    /** Whether a row is due at {@code step}: the experiment logs there and, at the resumed step, has not yet. */
    public boolean rowDueAt(long step) {
        return resume.rowDueAt(experiment, step);
    }

    /**
     * Appends the row of {@code model} after {@code step} updates, as a lone run records it, and
     * returns the row (with its step).
     */
    public Map<String, Double> record(GrokModel model, NDArray trainX, NDArray trainY, NDArray testX, NDArray testY,
            long step) {
        return loop.record(model, trainX, trainY, testX, testY, step, resume.history());
    }

    /** The first of the experiment's stop rules (divergence first) that ends the run at this row. */
    public Optional<String> stopReason(Map<String, Double> row) {
        return Stop.first(experiment.stopRules(), row);
    }

    /** Whether a lone run writes a checkpoint before its update at {@code step} (never at the step it resumed from). */
    public boolean checkpointDueAt(long step) {
        return directory != null && resume.checkpointDueAt(experiment, step);
    }

    /** Whether a lone run ending at {@code step} writes its last checkpoint there: it checkpoints, and did something. */
    public boolean checkpointDueAtEnd(long step) {
        return directory != null && resume.didSomethingBy(step);
    }

    /** Writes the checkpoint of {@code step}: {@code model} and {@code optimizer} as they are, and the history. */
    public void save(long step, GrokModel model, GrokOptimizer optimizer) {
        directory.save(step, model, optimizer, resume.history());
    }

    /** The run: {@code model} and {@code manager} (which owns it) now belong to it; the checkpoint directory is released. */
    public Run finish(GrokModel model, NDManager manager, long steps, String reason, double seconds) {
        close();
        return new Run(experiment, model, manager, resume.history(), steps, reason, seconds);
    }

    /** Releases the checkpoint directory (idempotent). */
    @Override
    public void close() {
        if (directory != null && !closed) {
            closed = true;
            directory.close();
        }
    }
}

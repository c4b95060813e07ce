package dev.grokkit.train;

import ai.djl.ndarray.NDManager;
import dev.grokkit.model.GrokModel;
import dev.grokkit.optim.GrokOptimizer;

/**
 * Where a lone run picks up, and what that decides at the step it picks up at: from scratch (step
 * 0, an empty history) or from a checkpoint (model and optimizer state restored, its history and
 * step). At the resumed step a run neither records the row it already has nor writes the
 * checkpoint it was read from, and it writes a last checkpoint only if it did something. The lone
 * loop ({@link TrainingLoop}) and code that trains a lone run's model by other means
 * ({@link RunRecorder}, for ensembles) both resume through it, so they resume alike.
 */
final class ResumePoint {

    private final History history;
    private final long start;
    private final int rowsAtStart;
    private final boolean resumed;

    private ResumePoint(History history, long start, boolean resumed) {
        this.history = history;
        this.start = start;
        this.rowsAtStart = history.rowCount();
        this.resumed = resumed;
    }

    /** From scratch: step 0, an empty history. */
    static ResumePoint fresh(Experiment experiment) {
        return new ResumePoint(History.create(experiment.name(), TrainingLoop.historyColumns(experiment)), 0, false);
    }

    /**
     * From {@code checkpoint} ({@code model} and {@code optimizer}, freshly built, set to its state,
     * the optimizer's slots in {@code manager}), or from scratch if it is null.
     */
    static ResumePoint of(Checkpoint checkpoint, Experiment experiment, GrokModel model, GrokOptimizer optimizer,
            NDManager manager) {
        if (checkpoint == null) {
            return fresh(experiment);
        }
        checkWithinBudget(checkpoint, experiment);
        checkpoint.restoreModel(model);
        checkpoint.restoreOptimizer(optimizer, model, manager);
        History history = checkpoint.history(TrainingLoop.historyColumns(experiment));
        history.setName(experiment.name());
        return new ResumePoint(history, checkpoint.step(), true);
    }

    /** Refuses a checkpoint past the experiment's budget: a checkpoint cannot be rewound. */
    static void checkWithinBudget(Checkpoint checkpoint, Experiment experiment) {
        if (checkpoint.step() > experiment.steps()) {
            throw new IllegalStateException("checkpoint " + checkpoint.dir() + " is at step " + checkpoint.step()
                    + ", beyond this experiment's budget of " + experiment.steps() + " steps, and a checkpoint"
                    + " cannot be rewound: continue it with withSteps(n) for n >= " + checkpoint.step()
                    + ", or train " + experiment.steps() + " steps in another checkpoint directory");
        }
    }

    /** The run's history: the checkpoint's, or empty; rows recorded from here on are appended to it. */
    History history() {
        return history;
    }

    /** The step the run starts from: 0, or its checkpoint's. */
    long start() {
        return start;
    }

    boolean resumed() {
        return resumed;
    }

    /** Whether a row is due at {@code step}: the experiment logs there and, at the resumed step, has not yet. */
    boolean rowDueAt(Experiment experiment, long step) {
        return experiment.logsAt(step) && !(resumed && step == start && loggedAt(step));
    }

    /** Whether a checkpoint is due before the update at {@code step} (never at the step resumed from). */
    boolean checkpointDueAt(Experiment experiment, long step) {
        return step % experiment.checkpointEvery() == 0 && !(resumed && step == start);
    }

    /** Whether the run, now at {@code step}, did anything since it picked up: trained a step or recorded a row. */
    boolean didSomethingBy(long step) {
        return step != start || history.rowCount() != rowsAtStart;
    }

    /** Whether the history's last row is at {@code step}. */
    boolean loggedAt(long step) {
        return TrainingLoop.loggedAt(history, step);
    }
}

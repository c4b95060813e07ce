package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import dev.grokkit.train.RunRecorder;
import java.util.Optional;

/**
 * One member of an ensemble as a lone run would hold it: its model built from its own seed, its
 * data, its history recorder and checkpoints, all in its own manager (which its {@link Run}
 * takes over). Its model holds the member's slice of the stacked parameters as of its last row
 * or checkpoint; its optimizer, the member's slice of the stacked optimizer state as of its last
 * checkpoint (or the state it resumed from).
 */
final class Member {

    final Experiment experiment;
    final NDManager manager;
    final GrokModel model;
    final GrokOptimizer optimizer;
    final NDArray trainX;
    final NDArray trainY;
    private final NDArray testX;
    private final NDArray testY;
    private final RunRecorder recorder;
    private String endReason;
    private long endStep;

    /** A member from scratch, or ({@code resume}) from its latest checkpoint if it has one. */
    Member(Experiment experiment, boolean resume) {
        this.experiment = experiment;
        this.manager = Grokkit.engine().newBaseManager();
        try {
            var data = experiment.data();
            model = Grokkit.seeded(experiment.seed(),
                    () -> experiment.model().build(data.train(), experiment.dtype(), manager));
            optimizer = experiment.optimizer().build();
            trainX = data.train().inputs(manager, experiment.dtype());
            trainY = data.train().labelArray(manager);
            testX = data.test().inputs(manager, experiment.dtype());
            testY = data.test().labelArray(manager);
            recorder = resume ? RunRecorder.runOrResume(experiment, model, optimizer, manager)
                    : new RunRecorder(experiment);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
        recorder.endedAtStart().ifPresent(reason -> {
            endReason = reason;
            endStep = recorder.startStep();
        });
    }

    boolean ended() {
        return endReason != null;
    }

    /** The step this member starts training from: 0, or its checkpoint's. */
    long startStep() {
        return recorder.startStep();
    }

    boolean loggedAt(long step) {
        return recorder.loggedAt(step);
    }

    /** Whether its lone run records a row at {@code step}. */
    boolean rowDueAt(long step) {
        return recorder.rowDueAt(step);
    }

    /**
     * Copies slice {@code k} of {@code stack}'s model into the model and records its row at
     * {@code step}; returns the stop rule that fires on it, if one does.
     */
    Optional<String> record(MemberStack stack, int k, long step) {
        stack.model().copyInto(k, model);
        return recorder.stopReason(recorder.record(model, trainX, trainY, testX, testY, step));
    }

    /** Writes the checkpoint its lone run writes before the update at {@code step}, if one is due. */
    void checkpointIfDue(MemberStack stack, int k, long step) {
        if (recorder.checkpointDueAt(step)) {
            save(stack, k, step);
        }
    }

    /** Ends the member at {@code step}, writing the last checkpoint its lone run would. */
    void end(String reason, MemberStack stack, int k, long step) {
        endReason = reason;
        endStep = step;
        if (recorder.checkpointDueAtEnd(step)) {
            save(stack, k, step);
        }
    }

    /** Member k's slice of the stack's parameters and optimizer state into its own, then its lone run's checkpoint. */
    private void save(MemberStack stack, int k, long step) {
        stack.model().copyInto(k, model);
        StackedOptimizerState.copyInto(stack.optimizer(), k, optimizer);
        recorder.save(step, model, optimizer);
    }

    /** The member's run; the run owns the member's manager from now on. */
    Run finish(double seconds) {
        return recorder.finish(model, manager, endStep, endReason, seconds);
    }

    /** Frees what the member holds after a failure: its arrays and its checkpoint directory. */
    void abandon() {
        recorder.close();
        manager.close();
    }
}

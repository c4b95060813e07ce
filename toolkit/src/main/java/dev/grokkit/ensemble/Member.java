package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import dev.grokkit.train.RunRecorder;
import java.util.Map;

/**
 * One member of an ensemble as a lone run would hold it: its model built from its own seed, its
 * data, its history recorder, all in its own manager (which its {@link Run} takes over). Its
 * model holds the member's slice of the stacked parameters as of its last recorded row.
 */
final class Member {

    final Experiment experiment;
    final NDManager manager;
    final GrokModel model;
    final NDArray trainX;
    final NDArray trainY;
    private final NDArray testX;
    private final NDArray testY;
    private final RunRecorder recorder;
    private String endReason;
    private long endStep;

    Member(Experiment experiment) {
        this.experiment = experiment;
        this.manager = Grokkit.engine().newBaseManager();
        try {
            var data = experiment.data();
            model = Grokkit.seeded(experiment.seed(),
                    () -> experiment.model().build(data.train(), experiment.dtype(), manager));
            trainX = data.train().inputs(manager, experiment.dtype());
            trainY = data.train().labelArray(manager);
            testX = data.test().inputs(manager, experiment.dtype());
            testY = data.test().labelArray(manager);
            recorder = new RunRecorder(experiment);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    boolean ended() {
        return endReason != null;
    }

    boolean loggedAt(long step) {
        return recorder.loggedAt(step);
    }

    /**
     * Copies slice {@code k} of {@code stacked} into the model and records its row at {@code step};
     * ends the member if a stop rule fires.
     */
    void record(StackedModel stacked, int k, long step) {
        stacked.copyInto(k, model);
        Map<String, Double> row = recorder.record(model, trainX, trainY, testX, testY, step);
        recorder.stopReason(row).ifPresent(reason -> end(reason + " at step " + step, step));
    }

    void end(String reason, long step) {
        endReason = reason;
        endStep = step;
    }

    /** The member's run; the run owns the member's manager from now on. */
    Run finish(double seconds) {
        return recorder.finish(model, manager, endStep, endReason, seconds);
    }
}

package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.grokkit.model.GrokModel;
import java.util.Map;
import java.util.Optional;

/**
 * A lone run's bookkeeping for code that trains an experiment's model by other means (an
 * ensemble trains many models as one computation): the history a lone run keeps, rows recorded
 * by the very code a lone run uses (losses, accuracies, probes), its stop decisions, and the
 * {@link Run} it ends with.
 */
public final class RunRecorder {

    private final Experiment experiment;
    private final TrainingLoop loop;
    private final History history;

    public RunRecorder(Experiment experiment) {
        this.experiment = experiment;
        this.loop = new TrainingLoop(experiment, null);
        this.history = History.create(experiment.name(), TrainingLoop.historyColumns(experiment));
    }

    public History history() {
        return history;
    }

    /** Whether the history's last row is at {@code step}. */
    public boolean loggedAt(long step) {
        long[] steps = history.steps();
        return steps.length > 0 && steps[steps.length - 1] == step;
    }

    /**
     * Appends the row of {@code model} after {@code step} updates, as a lone run records it, and
     * returns the row (with its step).
     */
    public Map<String, Double> record(GrokModel model, NDArray trainX, NDArray trainY, NDArray testX, NDArray testY,
            long step) {
        return loop.record(model, trainX, trainY, testX, testY, step, history);
    }

    /** The first of the experiment's stop rules (divergence first) that ends the run at this row. */
    public Optional<String> stopReason(Map<String, Double> row) {
        return Stop.first(experiment.stopRules(), row);
    }

    /** The run: {@code model} and {@code manager} (which owns it) now belong to it. */
    public Run finish(GrokModel model, NDManager manager, long steps, String reason, double seconds) {
        return new Run(experiment, model, manager, history, steps, reason, seconds);
    }
}

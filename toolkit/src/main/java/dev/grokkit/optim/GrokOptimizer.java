package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of grokkit's optimizers: a DJL {@link Optimizer} whose state (per-parameter update counts
 * and slot arrays such as Adam's moments) is visible, so a checkpoint can save it and a resumed
 * run continues exactly. DJL's own optimizers keep that state private, which is why grokkit
 * implements the update rules itself.
 *
 * <p>Parameter ids are the model's stable parameter names. Updates run in place on the weight,
 * outside gradient recording; temporaries belong to the caller's {@link NDScope}, slots do not.
 */
public abstract class GrokOptimizer extends Optimizer {

    private final Schedule schedule;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, NDArray> slots = new LinkedHashMap<>();

    protected GrokOptimizer(Schedule schedule) {
        super(new NoOptions());
        this.schedule = schedule;
    }

    /** Counts one more update of {@code parameterId} and returns its 1-based number t. */
    protected final int nextCount(String parameterId) {
        return counts.merge(parameterId, 1, Integer::sum);
    }

    /** The learning rate of update number {@code t} (1-based). */
    protected final double learningRate(int t) {
        return schedule.at(t - 1L);
    }

    /** The slot {@code kind} of a parameter (e.g. "m"), created as zeros like {@code weight}. */
    protected final NDArray slot(String parameterId, String kind, NDArray weight) {
        return slots.computeIfAbsent(parameterId + "#" + kind, k -> {
            NDArray zeros = weight.zerosLike();
            NDScope.unregister(zeros);
            return zeros;
        });
    }

    /** Update counts by parameter id. */
    public Map<String, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** Slot arrays by "parameterId#kind"; the arrays themselves, not copies. */
    public Map<String, NDArray> slots() {
        return Collections.unmodifiableMap(slots);
    }

    /**
     * Replaces the state with a saved one (values copied into new arrays owned by the weights'
     * managers, via {@code like}).
     */
    public void restore(Map<String, Integer> savedCounts, Map<String, NDArray> savedSlots) {
        counts.clear();
        counts.putAll(savedCounts);
        slots.values().forEach(NDArray::close);
        slots.clear();
        savedSlots.forEach((k, v) -> {
            NDScope.unregister(v);
            slots.put(k, v);
        });
    }

    /** The DJL builder contract needs an options object; grokkit's options live in its specs. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}

package dev.grokkit.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base of grokkit's optimizers: a DJL {@link Optimizer} whose state (per-parameter update counts
 * and slot arrays such as Adam's moments) is visible, so a checkpoint can save it and a resumed
 * run continues exactly. DJL's own optimizers keep that state private (and take their
 * hyperparameters as floats), which is why grokkit implements the update rules itself.
 *
 * <p>Parameter ids are the model's stable parameter names. {@link #update} runs in place on the
 * weight, outside gradient recording, in float32 or float64 (the weight's type is kept; the
 * gradient must have the same type). Each update runs in its own {@link NDScope}, so its
 * temporaries are freed when it returns; slots are unregistered from it and live as long as
 * the weight's manager.
 */
public abstract class GrokOptimizer extends Optimizer {

    private final Schedule schedule;
    private final List<String> slotKinds;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, NDArray> slots = new LinkedHashMap<>();

    /**
     * @param schedule the learning rate by step
     * @param slotKinds the kinds of per-parameter state this rule keeps (e.g. "m", "v")
     */
    protected GrokOptimizer(Schedule schedule, List<String> slotKinds) {
        super(new NoOptions());
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.slotKinds = List.copyOf(slotKinds);
    }

    /**
     * One update of {@code weight} (in place) with gradient {@code grad}: counts it, looks up
     * the learning rate of this update number and applies the rule.
     */
    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        Objects.requireNonNull(parameterId, "parameterId");
        checkArrays(parameterId, weight, grad);
        int t = counts.getOrDefault(parameterId, 0) + 1;
        double lr = learningRate(t);
        counts.put(parameterId, t);
        try (NDScope scope = new NDScope()) {
            step(parameterId, weight, grad, t, lr);
            scope.suppressNotUsedWarning();
        }
    }

    /**
     * The rule: updates {@code weight} in place; {@code t} is the 1-based update number of this
     * parameter and {@code lr} the scheduled learning rate for it. Temporaries may be created
     * freely; persistent state comes from {@link #slot}.
     */
    protected abstract void step(String parameterId, NDArray weight, NDArray grad, int t, double lr);

    /** The learning rate of update number {@code t} (1-based). */
    private double learningRate(int t) {
        double lr = schedule.at(t - 1L);
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalStateException("schedule (" + schedule.describe() + ") gave learning rate "
                    + lr + " at step " + (t - 1) + "; it must be finite and >= 0");
        }
        return lr;
    }

    /**
     * The slot {@code kind} of a parameter (e.g. "m"), created as zeros like {@code weight} on
     * first use (or restored from a checkpoint).
     */
    protected final NDArray slot(String parameterId, String kind, NDArray weight) {
        String key = parameterId + "#" + kind;
        NDArray slot = slots.get(key);
        if (slot == null) {
            slot = weight.zerosLike();
            NDScope.unregister(slot);
            slots.put(key, slot);
        } else if (!slot.getShape().equals(weight.getShape()) || slot.getDataType() != weight.getDataType()) {
            throw new IllegalStateException("slot '" + key + "' is " + slot.getDataType() + " " + slot.getShape()
                    + " but the parameter is " + weight.getDataType() + " " + weight.getShape()
                    + ": the restored state does not belong to this model");
        }
        return slot;
    }

    /** Update counts by parameter id. */
    public Map<String, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** Slot arrays by "parameterId#kind"; the arrays themselves, not copies. */
    public Map<String, NDArray> slots() {
        return Collections.unmodifiableMap(slots);
    }

    /** The kinds of slot this rule keeps per parameter (empty for a stateless rule). */
    public List<String> slotKinds() {
        return slotKinds;
    }

    /**
     * Replaces the state with a saved one, as returned by {@link #counts()} and {@link #slots()}
     * of an optimizer built from the same spec. The arrays are copied (each copy lives in the
     * manager of its saved array, so load checkpoints into a manager that outlives the run, such
     * as the model's); the caller keeps ownership of the saved arrays.
     */
    public void restore(Map<String, Integer> savedCounts, Map<String, NDArray> savedSlots) {
        savedCounts.forEach((id, count) -> {
            if (count == null || count < 1) {
                throw new IllegalArgumentException("update count of '" + id + "' must be >= 1, was " + count);
            }
        });
        savedSlots.forEach((key, array) -> {
            int hash = key.lastIndexOf('#');
            String kind = hash < 0 ? "" : key.substring(hash + 1);
            if (hash <= 0 || !slotKinds.contains(kind)) {
                throw new IllegalArgumentException("slot key '" + key + "' is not parameterId#kind with kind in "
                        + slotKinds + " (the slots of " + getClass().getSimpleName() + ")");
            }
            Objects.requireNonNull(array, () -> "slot '" + key + "' is null");
        });
        slots.values().forEach(NDArray::close);
        slots.clear();
        counts.clear();
        counts.putAll(savedCounts);
        savedSlots.forEach((key, array) -> {
            NDArray copy = array.duplicate();
            NDScope.unregister(copy);
            slots.put(key, copy);
        });
    }

    private static void checkArrays(String parameterId, NDArray weight, NDArray grad) {
        Objects.requireNonNull(weight, () -> "weight of '" + parameterId + "' is null");
        Objects.requireNonNull(grad, () -> "gradient of '" + parameterId + "' is null");
        DataType type = weight.getDataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException(
                    "weight of '" + parameterId + "' must be float32 or float64, was " + type);
        }
        if (grad.getDataType() != type) {
            throw new IllegalArgumentException("gradient of '" + parameterId + "' is " + grad.getDataType()
                    + " but the weight is " + type);
        }
        if (!grad.getShape().equals(weight.getShape())) {
            throw new IllegalArgumentException("gradient of '" + parameterId + "' has shape " + grad.getShape()
                    + " but the weight has " + weight.getShape());
        }
    }

    /** The DJL builder contract needs an options object; grokkit's options live in its specs. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}

package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Dataset;
import dev.grokkit.engine.Autograd;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.NamedParameter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a probe may look at, at one logged step: the model, the loss, the data (as arrays), and
 * results computed at most once per step and shared between probes: logits, layer activations
 * and the full-batch training gradient. Everything is evaluated in inference mode (BatchNorm
 * uses its running statistics and is not updated), so probing never changes the model.
 * Arrays it hands out belong to the step's scope and are freed after the step's probes ran.
 *
 * <p>Told first what the step's probes read ({@link #prepareFor}), it runs one forward pass per
 * split for all of them: a split whose activations are read gives its logits from the same pass,
 * and when the gradient is read the training pass is recorded, so the gradient costs one
 * backward. On the basic probes of an Omnigrok digits run that is one training pass instead of
 * three. Without it (or for what a probe reads undeclared) each result has its own pass.
 */
public final class ProbeContext {

    /** Which examples. */
    public enum Split { TRAIN, TEST }

    private final GrokModel model;
    private final Loss loss;
    private final Dataset data;
    private final Map<Split, NDArray> inputs = new EnumMap<>(Split.class);
    private final Map<Split, NDArray> labels = new EnumMap<>(Split.class);
    private final long step;
    private final long totalSteps;
    private final int evalBatchSize;
    private final Map<Split, NDArray> logits = new EnumMap<>(Split.class);
    private final Map<Split, Map<String, NDArray>> activations = new EnumMap<>(Split.class);
    private Map<String, NDArray> gradient;
    private Set<Split> tapped = Set.of();
    private boolean recordTraining;
    private NDArray recordedTrainingLogits;

    public ProbeContext(GrokModel model, Loss loss, Dataset data, NDArray trainInputs, NDArray trainLabels,
            NDArray testInputs, NDArray testLabels, long step, long totalSteps, int evalBatchSize) {
        this.model = model;
        this.loss = loss;
        this.data = data;
        inputs.put(Split.TRAIN, trainInputs);
        inputs.put(Split.TEST, testInputs);
        labels.put(Split.TRAIN, trainLabels);
        labels.put(Split.TEST, testLabels);
        this.step = step;
        this.totalSteps = totalSteps;
        this.evalBatchSize = evalBatchSize;
    }

    /**
     * Plans the passes for the probes due at this step (see the class comment); call it before
     * any result is asked for.
     */
    public void prepareFor(List<Probe> probes) {
        if (!logits.isEmpty() || !activations.isEmpty() || gradient != null) {
            throw new IllegalStateException("prepareFor must come before any result is computed");
        }
        Set<Split> read = EnumSet.noneOf(Split.class);
        probes.forEach(p -> read.addAll(p.readsActivations()));
        tapped = read;
        recordTraining = probes.stream().anyMatch(Probe::readsGradient);
    }

    public GrokModel model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }

    public Dataset data() {
        return data;
    }

    /** Updates done so far. */
    public long step() {
        return step;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public NDArray inputs(Split split) {
        return inputs.get(split);
    }

    public NDArray labels(Split split) {
        return labels.get(split);
    }

    /**
     * Logits of all examples of a split: from the split's planned pass, or computed in batches
     * of the run's eval batch size.
     */
    public NDArray logits(Split split) {
        return logits.computeIfAbsent(split, s -> {
            if (tapped.contains(s) || recorded(s)) {
                return plannedPass(s);
            }
            NDArray x = inputs.get(s);
            long n = x.getShape().get(0);
            if (n <= evalBatchSize) {
                return model.forward(x, false);
            }
            NDList parts = new NDList();
            for (long start = 0; start < n; start += evalBatchSize) {
                parts.add(model.forward(x.get(start + ":" + Math.min(n, start + evalBatchSize)), false));
            }
            return NDArrays.concat(parts);
        });
    }

    /*
     * The split's one planned pass over all its examples, returning its logits: with every
     * stage's output kept if its activations are read, recorded if it is the training split and
     * the gradient is read (what it hands out is detached from that record).
     */
    private NDArray plannedPass(Split s) {
        NDArray x = inputs.get(s);
        boolean record = recorded(s);
        Supplier<Map<String, NDArray>> pass = tapped.contains(s) ? () -> model.activations(x, false)
                : () -> Map.of("logits", model.forward(x, false));
        Map<String, NDArray> outputs = record ? Autograd.recording(pass) : pass.get();
        if (record) {
            recordedTrainingLogits = lastOf(outputs);
            Map<String, NDArray> detached = new LinkedHashMap<>();
            outputs.forEach((name, value) -> detached.put(name, value.stopGradient()));
            outputs = detached;
        }
        if (tapped.contains(s)) {
            activations.put(s, outputs);
        }
        return lastOf(outputs);
    }

    /* Whether the split's pass is recorded: the training split's, when the gradient is read. */
    private boolean recorded(Split s) {
        return s == Split.TRAIN && recordTraining;
    }

    /* The logits: the last stage's output. */
    private static NDArray lastOf(Map<String, NDArray> outputs) {
        NDArray last = null;
        for (NDArray value : outputs.values()) {
            last = value;
        }
        return last;
    }

    /** The loss on a split. */
    public double lossValue(Split split) {
        return loss.compute(logits(split), labels.get(split)).toType(DataType.FLOAT64, false)
                .getDouble();
    }

    /** Fraction of a split's examples whose largest logit is the label. */
    public double accuracy(Split split) {
        NDArray correct = logits(split).argMax(1).eq(labels.get(split));
        return correct.sum().toType(DataType.FLOAT64, false).getDouble()
                / correct.getShape().get(0);
    }

    /**
     * Every stage's output on all examples of a split ("input", the stage names, "logits"), in
     * one pass over the whole split.
     */
    public Map<String, NDArray> activations(Split split) {
        if (tapped.contains(split)) {
            logits(split);
        }
        return activations.computeIfAbsent(split, s -> model.activations(inputs.get(s), false));
    }

    /**
     * The gradient of the full-batch training loss (inference mode) by parameter name, one
     * backward pass per step however many probes ask.
     */
    public Map<String, NDArray> gradient() {
        if (gradient == null) {
            List<NamedParameter> params = model.trainableParameters();
            if (recorded(Split.TRAIN)) {
                logits(Split.TRAIN);
            }
            NDArray recorded = recordedTrainingLogits;
            Autograd.backward(() -> loss.compute(recorded != null ? recorded : model.forward(inputs.get(Split.TRAIN),
                    false), labels.get(Split.TRAIN)));
            gradient = new LinkedHashMap<>();
            for (NamedParameter p : params) {
                gradient.put(p.name(), p.array().getGradient().duplicate());
                Autograd.zeroGradient(p.array());
            }
        }
        return gradient;
    }
}

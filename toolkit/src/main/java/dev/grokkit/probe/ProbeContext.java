package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.grokkit.data.Dataset;
import dev.grokkit.engine.Autograd;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.NamedParameter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe may look at, at one logged step: the model, the loss, the data (as arrays), and
 * results computed at most once per step and shared between probes: logits, layer activations
 * and the full-batch training gradient. Everything is evaluated in inference mode (BatchNorm
 * uses its running statistics and is not updated), so probing never changes the model.
 * Arrays it hands out belong to the step's scope and are freed after the step's probes ran.
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

    /** Logits of all examples of a split (computed in batches of the run's eval batch size). */
    public NDArray logits(Split split) {
        return logits.computeIfAbsent(split, s -> {
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
        return activations.computeIfAbsent(split, s -> model.activations(inputs.get(s), false));
    }

    /**
     * The gradient of the full-batch training loss (inference mode) by parameter name, one
     * backward pass per step however many probes ask.
     */
    public Map<String, NDArray> gradient() {
        if (gradient == null) {
            List<NamedParameter> params = model.trainableParameters();
            Autograd.backward(() -> loss.compute(model.forward(inputs.get(Split.TRAIN), false),
                    labels.get(Split.TRAIN)));
            gradient = new LinkedHashMap<>();
            for (NamedParameter p : params) {
                gradient.put(p.name(), p.array().getGradient().duplicate());
                JniUtils.zeroGrad((PtNDArray) p.array());
            }
        }
        return gradient;
    }
}

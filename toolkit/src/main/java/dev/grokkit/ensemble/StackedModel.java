package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import dev.grokkit.engine.Autograd;
import dev.grokkit.model.DenseLayer;
import dev.grokkit.model.EmbeddingLayer;
import dev.grokkit.model.EmbeddingMlpSpec;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.MlpSpec;
import dev.grokkit.model.ModelSpec;
import dev.grokkit.model.NamedParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * K models of one architecture as one: each trainable parameter of the members stacked along a
 * new axis 0 (K x ...), under the members' parameter names, and their forward pass run as
 * batched products ({@link StackedStage}). Supported: the stages of MLPs and embedding MLPs
 * (dense layers, a leading flatten, a concatenating embedding followed by a dense layer).
 */
public final class StackedModel {

    private final List<StackedStage> stages;
    private final Map<String, NDArray> parameters;

    private StackedModel(List<StackedStage> stages, Map<String, NDArray> parameters) {
        this.stages = stages;
        this.parameters = parameters;
    }

    /**
     * Stacks copies of the members' current trainable parameters into arrays of {@code manager}
     * that require gradients; the members are not changed.
     */
    public static StackedModel stack(List<GrokModel> members, NDManager manager) {
        GrokModel first = members.get(0);
        List<StackedStage> stages = stagesOf(first);
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        Autograd.notRecording(() -> {
            for (NamedParameter p : first.trainableParameters()) {
                NDList slices = new NDList();
                for (GrokModel member : members) {
                    NamedParameter q = member.parameter(p.name());
                    if (!q.shape().equals(p.shape()) || q.array().getDataType() != p.array().getDataType()) {
                        throw new IllegalArgumentException("parameter '" + p.name() + "' is " + q.array().getDataType()
                                + " " + q.shape() + " in one member and " + p.array().getDataType() + " " + p.shape()
                                + " in the first: members must be one architecture");
                    }
                    slices.add(q.array());
                }
                NDArray stacked = NDArrays.stack(slices);
                stacked.attach(manager);
                stacked.setRequiresGradient(true);
                parameters.put(p.name(), stacked);
            }
            return null;
        });
        return new StackedModel(stages, Collections.unmodifiableMap(parameters));
    }

    /** Whether models of {@code spec} can be stacked: MLPs and embedding MLPs, whose every stage {@link #stagesOf} stacks. */
    static boolean hasStackedForm(ModelSpec spec) {
        return spec instanceof MlpSpec || spec instanceof EmbeddingMlpSpec;
    }

    /** The stacked stages of {@code model}, or an exception naming the stage it cannot stack. */
    private static List<StackedStage> stagesOf(GrokModel model) {
        List<String> names = model.block().stageNames();
        List<Block> blocks = new ArrayList<>(model.block().getChildren().values());
        List<StackedStage> stages = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String name = names.get(i);
            Block block = blocks.get(i);
            Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
            if (block instanceof DenseLayer dense) {
                stages.add(dense(name, dense, model));
            } else if (block instanceof EmbeddingLayer embedding && embedding.concatenates()
                    && next instanceof DenseLayer dense) {
                stages.add(new StackedStage.EmbeddedDense(name, dense(names.get(i + 1), dense, model)));
                i++;
            } else if (i == 0 && name.equals("flatten") && block.getDirectParameters().isEmpty()
                    && block.getChildren().isEmpty()) {
                stages.add(new StackedStage.Flatten());
            } else {
                throw new IllegalArgumentException("an ensemble stacks MLPs and embedding MLPs; stage '" + name + "' ("
                        + block + ") of " + model.description() + " has no stacked form");
            }
        }
        return stages;
    }

    private static StackedStage.Dense dense(String name, DenseLayer layer, GrokModel model) {
        boolean bias = model.parameters().stream().anyMatch(p -> p.name().equals(name + ".bias"));
        return new StackedStage.Dense(name, bias, layer.activation());
    }

    /** Logits K x n x C for stacked inputs K x n x ...: member k's are its model's on its inputs. */
    public NDArray forward(NDArray x) {
        NDArray current = x;
        for (StackedStage stage : stages) {
            current = stage.forward(current, parameters);
        }
        return current;
    }

    /** The stacked trainable parameters by member parameter name (the arrays, not copies). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** Number of members. */
    public int size() {
        return (int) parameters.values().iterator().next().getShape().get(0);
    }

    /**
     * Sets {@code member}'s trainable parameters to their slice {@code k}, bit for bit, by a native
     * copy: a copy through a Java buffer would leave a direct buffer of the parameter's size to the
     * garbage collector at every call, native memory that outlives the step (see {@link Ensemble}).
     */
    public void copyInto(int k, GrokModel member) {
        Autograd.notRecording(() -> {
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                try (NDScope scope = new NDScope()) {
                    member.parameter(e.getKey()).array().set(new NDIndex(":"), e.getValue().get(k));
                }
            }
            return null;
        });
    }
}

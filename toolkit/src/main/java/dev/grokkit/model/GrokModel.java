package dev.grokkit.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.grokkit.data.Examples;
import dev.grokkit.info.Features;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A built, initialized model: its staged DJL block, the manager that owns its parameters, and
 * the parameters under stable names. Forward passes return logits; {@link #activations} returns
 * every stage's output for probes.
 */
public final class GrokModel implements AutoCloseable {

    private final String description;
    private final StagedBlock block;
    private final NDManager manager;
    private final DataType dtype;
    private ParameterStore store;
    private final List<NamedParameter> parameters;

    GrokModel(String description, StagedBlock block, NDManager manager, DataType dtype) {
        this.description = description;
        this.block = block;
        this.manager = manager;
        this.dtype = dtype;
        this.store = new ParameterStore(manager, false);
        List<NamedParameter> named = new ArrayList<>();
        collect("", block, named);
        this.parameters = Collections.unmodifiableList(named);
    }

    /* Names are the path of child-block names (DJL's "01" ordering prefixes dropped) and the
     * parameter name, joined by dots. */
    private static void collect(String prefix, Block block, List<NamedParameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.add(new NamedParameter(prefix + p.getKey(), p.getValue()));
        }
        for (Pair<String, Block> child : block.getChildren()) {
            String name = child.getKey().replaceFirst("^\\d+", "");
            collect(prefix + name + ".", child.getValue(), out);
        }
    }

    /** Logits for a batch of inputs. */
    public NDArray forward(NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    /** "input", then each stage's output by stage name; the last entry is the logits. */
    public Map<String, NDArray> activations(NDArray input, boolean training) {
        return block.forwardTaps(store, input, training);
    }

    /**
     * {@link #activations} on these examples in inference mode, each as one row per example
     * (flattened, float64) in Java memory; the native arrays are freed before it returns.
     */
    @SuppressWarnings("try")
    public Map<String, double[][]> activationRows(Examples examples) {
        try (NDManager scratch = manager.newSubManager(); NDScope scope = new NDScope()) {
            Map<String, double[][]> rows = new LinkedHashMap<>();
            activations(examples.inputs(scratch, dtype), false).forEach((name, a) -> rows.put(name, Features.rows(a)));
            return rows;
        }
    }

    /** The names {@link #activations} returns, in order. */
    public List<String> tapNames() {
        List<String> names = new ArrayList<>();
        names.add("input");
        names.addAll(block.stageNames());
        return names;
    }

    public List<NamedParameter> parameters() {
        return parameters;
    }

    /** The trainable parameters (what optimizers update and Hessians are taken over). */
    public List<NamedParameter> trainableParameters() {
        return parameters.stream().filter(NamedParameter::trainable).toList();
    }

    public NamedParameter parameter(String name) {
        for (NamedParameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "no parameter named '" + name + "'; the model has "
                        + parameters.stream().map(NamedParameter::name).toList());
    }

    /**
     * Sets parameters by name: {@code values.apply(name)} gives a parameter's new values (row-major,
     * converted to the model's precision), or null to keep it, e.g.
     * {@code model.setParameters(name -> name.equals("logits.bias") ? new double[] {1, 2, 3} : null)}.
     * Every length is checked before anything is set, so a wrong one (named) changes nothing.
     */
    @SuppressWarnings("try")
    public GrokModel setParameters(Function<String, double[]> values) {
        Map<NamedParameter, double[]> given = new LinkedHashMap<>();
        for (NamedParameter p : parameters) {
            double[] v = values.apply(p.name());
            if (v != null && v.length != p.size()) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' of shape " + p.shape() + " has "
                        + p.size() + " values, was given " + v.length);
            }
            if (v != null) {
                given.put(p, v);
            }
        }
        try (NDManager scratch = manager.newSubManager(); NDScope scope = new NDScope()) {
            given.forEach((p, v) -> p.array().set(scratch.create(v, p.shape()).toType(dtype, false).toByteBuffer()));
        }
        return this;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return trainableParameters().stream().mapToLong(NamedParameter::size).sum();
    }

    public DataType dtype() {
        return dtype;
    }

    public NDManager manager() {
        return manager;
    }

    public StagedBlock block() {
        return block;
    }

    public ParameterStore parameterStore() {
        return store;
    }

    public String description() {
        return description;
    }

    /** Writes all parameter values (DJL's parameter format). */
    public void save(Path file) {
        try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            block.saveParameters(os);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model parameters to " + file, e);
        }
    }

    /**
     * Reads parameter values written by {@link #save} for a model of the same spec. DJL's load
     * replaces each parameter's array, so the forward pass gets a new parameter store: the old
     * one would keep handing out the arrays it cached at the first forward pass.
     */
    public void load(Path file) {
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, is);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model parameters from " + file, e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException(
                    file + " does not hold parameters of this model (" + description + "): "
                            + e.getMessage(), e);
        }
        for (NamedParameter p : parameters) {
            p.array().setRequiresGradient(p.trainable());
        }
        store = new ParameterStore(manager, false);
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return description + " (" + parameterCount() + " parameters in " + trainableParameters().size()
                + " tensors, " + dtype + ")";
    }
}

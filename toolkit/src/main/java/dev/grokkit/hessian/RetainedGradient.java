package dev.grokkit.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.LibTorch;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.NamedParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss gradient g = dL/dw of a model on one batch as a recorded function of w (one forward
 * pass and one backward with create_graph), kept with its graph between Hessian-vector products
 * as PyHessian keeps it (retain_graph): each product H v = d(g . v)/dw is then one backward
 * through the kept graph. What it keeps are recorded copies of the g_i: the parameters' own
 * .grad are detached and zeroed after the build ({@link GraphGradients}), which breaks the
 * parameter-gradient cycle, while the copies still reach the graph.
 *
 * <p>Never stale: g is rebuilt before use when any parameter (trainable or not, as BatchNorm's
 * running statistics) or the batch changed since it was built. libtorch counts in-place writes
 * per tensor ({@link LibTorch#version}: an optimizer step, {@link GrokModel#setParameters}), and
 * a parameter whose array was replaced ({@link GrokModel#load}) is another array object; either
 * means a rebuild. libtorch's batch_norm writes the running statistics without counting, so the
 * untrained parameters (few and small) are compared by value with a copy made at the build.
 *
 * <p>Memory: from the first product to {@link #close} (or a rebuild) it holds what the double
 * backward needs: the forward activations of the batch, the first backward's intermediates and
 * one copy of g, what a single product used to hold only while it ran. The arrays live in a
 * sub-manager of the model's manager, so an unclosed one is freed with the model.
 */
final class RetainedGradient implements AutoCloseable {

    private final GrokModel model;
    private final Loss loss;
    private final NDArray inputs;
    private final NDArray labels;
    /** The copies of g by parameter name and their manager, null until built or after close. */
    private Map<String, NDArray> gradient;
    private NDManager graph;
    /** What g was built from: the parameters' arrays, then inputs and labels, and their versions. */
    private List<NDArray> builtFrom = List.of();
    private long[] versions = new long[0];
    /** Copies of the untrained parameters' values at the build, by name. */
    private Map<String, NDArray> untrained = Map.of();
    private boolean closed;

    RetainedGradient(GrokModel model, Loss loss, NDArray inputs, NDArray labels) {
        this.model = model;
        this.loss = loss;
        this.inputs = inputs;
        this.labels = labels;
    }

    /**
     * g by parameter name (recorded, graph attached) at the model's current parameters: the kept
     * one if nothing it was built from changed, else built anew. Leaves the parameters' .grad zero.
     */
    Map<String, NDArray> current() {
        if (closed) {
            throw new IllegalStateException("this Hessian is closed");
        }
        List<NDArray> tensors = tensors();
        long[] now = tensors.stream().mapToLong(LibTorch::version).toArray();
        if (gradient == null || !sameArrays(tensors) || !Arrays.equals(now, versions) || !sameUntrainedValues()) {
            build(tensors, now);
        }
        return gradient;
    }

    /** Frees the kept graph; later calls of {@link #current} are refused. */
    @Override
    public void close() {
        free();
        closed = true;
    }

    /* Every parameter, also the untrained ones (BatchNorm's running statistics, which a training
     * forward pass updates in place and an inference-mode Hessian depends on), and the batch. */
    private List<NDArray> tensors() {
        List<NDArray> tensors = new ArrayList<>();
        model.parameters().forEach(p -> tensors.add(p.array()));
        tensors.add(inputs);
        tensors.add(labels);
        return tensors;
    }

    private boolean sameArrays(List<NDArray> tensors) {
        if (tensors.size() != builtFrom.size()) {
            return false;
        }
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i) != builtFrom.get(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameUntrainedValues() {
        for (NamedParameter p : model.parameters()) {
            NDArray atBuild = untrained.get(p.name());
            if (!p.trainable() && (atBuild == null || !p.array().contentEquals(atBuild))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("try")
    private void build(List<NDArray> tensors, long[] now) {
        free();
        List<NamedParameter> all = model.trainableParameters();
        NDManager kept = model.manager().newSubManager();
        // the scope frees the forward pass's and the backward's array handles; the graph keeps
        // the tensors it needs
        try (NDScope scope = new NDScope()) {
            all.forEach(p -> GraphGradients.reset(p.array()));
            gradient = Autograd.recording(() -> {
                Autograd.backwardCreatingGraph(loss.compute(model.forward(inputs, false), labels));
                Map<String, NDArray> copies = new LinkedHashMap<>();
                for (NamedParameter p : all) {
                    try (NDArray grad = p.array().getGradient()) {
                        // a recorded copy (DJL's duplicate() is not): its grad_fn still reaches the
                        // graph after .grad is detached and zeroed. g + 0, not g * 1: the graph
                        // must not save DJL's tensor of the Java number (its memory is a Java
                        // buffer the collector frees), and add's backward saves neither operand
                        NDArray copy = grad.add(0);
                        NDScope.unregister(copy);
                        copy.attach(kept);
                        copies.put(p.name(), copy);
                    }
                }
                return copies;
            });
            Map<String, NDArray> values = new LinkedHashMap<>();
            for (NamedParameter p : model.parameters()) {
                if (!p.trainable()) {
                    NDArray copy = p.array().duplicate();
                    NDScope.unregister(copy);
                    copy.attach(kept);
                    values.put(p.name(), copy);
                }
            }
            graph = kept;
            builtFrom = tensors;
            versions = now;
            untrained = values;
        } catch (RuntimeException e) {
            kept.close();
            gradient = null;
            throw e;
        } finally {
            all.forEach(p -> GraphGradients.reset(p.array()));
        }
    }

    private void free() {
        if (graph != null) {
            graph.close();
        }
        graph = null;
        gradient = null;
        builtFrom = List.of();
        versions = new long[0];
        untrained = Map.of();
    }
}

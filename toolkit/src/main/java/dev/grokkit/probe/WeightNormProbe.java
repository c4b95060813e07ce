package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.model.NamedParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global L2 norm of all trainable parameters, biases included (Omnigrok's "weight norm"),
 * ||w|| = sqrt(sum_tensors sum_i w_i^2); optionally also per layer ("weight_norm:hidden1"),
 * a layer being the parameters whose names share the first path component.
 */
public final class WeightNormProbe implements Probe {

    private final List<String> layers;

    WeightNormProbe(List<String> layers) {
        this.layers = layers;
    }

    @Override
    public String name() {
        return "weight_norm";
    }

    @Override
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("weight_norm");
        layers.forEach(l -> columns.add("weight_norm:" + l));
        return columns;
    }

    @Override
    public double[] measure(ProbeContext context) {
        Map<String, List<NDArray>> byLayer = new LinkedHashMap<>();
        List<NDArray> all = new ArrayList<>();
        for (NamedParameter p : context.model().trainableParameters()) {
            all.add(p.array());
            byLayer.computeIfAbsent(layerOf(p.name()), k -> new ArrayList<>()).add(p.array());
        }
        double[] out = new double[1 + layers.size()];
        out[0] = Norms.l2(all);
        for (int i = 0; i < layers.size(); i++) {
            List<NDArray> tensors = byLayer.get(layers.get(i));
            if (tensors == null) {
                throw new IllegalArgumentException("weight norm: the model has no layer '" + layers.get(i)
                        + "'; layers: " + byLayer.keySet());
            }
            out[i + 1] = Norms.l2(tensors);
        }
        return out;
    }

    static String layerOf(String parameterName) {
        int dot = parameterName.indexOf('.');
        return dot < 0 ? parameterName : parameterName.substring(0, dot);
    }
}

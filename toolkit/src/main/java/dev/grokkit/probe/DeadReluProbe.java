package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * For each hidden layer ("dead_relu:hidden1"), the fraction of its units that output exactly 0
 * on every training example: units that no longer receive gradient through a ReLU.
 */
public final class DeadReluProbe implements Probe {

    private final List<String> layers;

    DeadReluProbe(List<String> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("dead ReLU probe needs at least one layer name");
        }
        this.layers = layers;
    }

    @Override
    public String name() {
        return "dead_relu";
    }

    @Override
    public List<String> columns() {
        return layers.stream().map(l -> "dead_relu:" + l).toList();
    }

    @Override
    public Set<ProbeContext.Split> readsActivations() {
        return Set.of(ProbeContext.Split.TRAIN);
    }

    @Override
    public double[] measure(ProbeContext context) {
        Map<String, NDArray> taps = context.activations(ProbeContext.Split.TRAIN);
        double[] out = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            NDArray h = taps.get(layers.get(i));
            if (h == null) {
                throw new IllegalArgumentException("dead ReLU probe: no activation '" + layers.get(i)
                        + "'; the model has " + taps.keySet());
            }
            NDArray units = h.reshape(h.getShape().get(0), -1);
            NDArray alive = units.abs().max(new int[] {0}).gt(0);
            double aliveCount = alive.sum().toType(DataType.FLOAT64, false).getDouble();
            out[i] = 1.0 - aliveCount / units.getShape().get(1);
        }
        return out;
    }
}

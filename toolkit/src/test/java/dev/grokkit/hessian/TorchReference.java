package dev.grokkit.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Models;
import dev.grokkit.model.NamedParameter;
import dev.grokkit.model.Nonlinearity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The committed PyTorch reference (torch_hessian.py / torch_hessian.txt): an MLP 5-6-4-3 with
 * tanh in float64, its weights, 20 examples and PyTorch's exact Hessian values.
 */
final class TorchReference {

    static final int EXAMPLES = 20;
    static final int FEATURES = 5;
    static final int CLASSES = 3;

    private final Map<String, double[]> arrays = new HashMap<>();

    /** The committed reference file. */
    TorchReference() {
        try (var in = TorchReference.class.getResourceAsStream("torch_hessian.txt")) {
            parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference in the same format, e.g. freshly printed by the script. */
    TorchReference(String text) {
        parse(text);
    }

    private void parse(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            double[] values = new double[Integer.parseInt(parts[1])];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(parts[2 + i]);
            }
            arrays.put(parts[0], values);
        }
    }

    double[] get(String key) {
        double[] a = arrays.get(key);
        if (a == null) {
            throw new IllegalArgumentException("no reference array " + key);
        }
        return a.clone();
    }

    /** The MLP with the reference weights, in float64. */
    GrokModel model(NDManager manager) {
        Examples sample = Examples.ofFeatures(new float[FEATURES], new Shape(FEATURES), new int[] {0}, CLASSES);
        GrokModel model = Models.mlp().hidden(6, 4).activation(Nonlinearity.TANH)
                .build(sample, DataType.FLOAT64, manager);
        for (NamedParameter p : model.trainableParameters()) {
            p.array().set(DoubleBuffer.wrap(get("param:" + p.name())));
        }
        return model;
    }

    NDArray inputs(NDManager manager) {
        return manager.create(get("x"), new Shape(EXAMPLES, FEATURES));
    }

    NDArray labels(NDManager manager) {
        double[] y = get("y");
        long[] labels = new long[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (long) y[i];
        }
        return manager.create(labels);
    }
}

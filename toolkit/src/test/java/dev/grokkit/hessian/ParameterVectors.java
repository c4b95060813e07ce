package dev.grokkit.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.NamedParameter;
import java.util.Arrays;

/** A float64 model's trainable parameters as one flat vector, and loss gradients at chosen parameters. */
@SuppressWarnings("try")
final class ParameterVectors {

    private ParameterVectors() {}

    static double[] get(GrokModel model) {
        return model.trainableParameters().stream()
                .flatMapToDouble(p -> Arrays.stream(p.array().toDoubleArray())).toArray();
    }

    static void set(GrokModel model, double[] w) {
        int at = 0;
        for (NamedParameter p : model.trainableParameters()) {
            int size = (int) p.size();
            p.array().set(java.nio.DoubleBuffer.wrap(Arrays.copyOfRange(w, at, at + size)));
            at += size;
        }
    }

    /** dL/dw at parameters w (inference mode); the model is left at w with zero gradients. */
    static double[] gradientAt(GrokModel model, Loss loss, NDArray x, NDArray y, double[] w) {
        set(model, w);
        double[] g = new double[w.length];
        try (NDScope scope = new NDScope();
                GradientCollector collector = Grokkit.engine().newGradientCollector()) {
            collector.backward(loss.compute(model.forward(x, false), y));
            int at = 0;
            for (NamedParameter p : model.trainableParameters()) {
                NDArray grad = p.array().getGradient();
                double[] part = grad.toType(DataType.FLOAT64, false).toDoubleArray();
                System.arraycopy(part, 0, g, at, part.length);
                at += part.length;
                grad.subi(grad);
            }
        }
        return g;
    }

    /** (g(w + eps v) - g(w - eps v)) / (2 eps): a central difference of gradients along v; restores w. */
    static double[] gradientDifference(GrokModel model, Loss loss, NDArray x, NDArray y, double[] v, double eps) {
        double[] w = get(model);
        double[] plus = w.clone();
        double[] minus = w.clone();
        Vectors.addScaled(plus, eps, v);
        Vectors.addScaled(minus, -eps, v);
        double[] gp = gradientAt(model, loss, x, y, plus);
        double[] gm = gradientAt(model, loss, x, y, minus);
        set(model, w);
        double[] d = new double[w.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (gp[i] - gm[i]) / (2 * eps);
        }
        return d;
    }
}

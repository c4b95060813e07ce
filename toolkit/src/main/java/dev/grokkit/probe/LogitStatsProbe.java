package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * Statistics of the training logits z (n, C): the mean L2 norm of a logit vector, the standard
 * deviation of all logits, the mean margin z_y - max_{j != y} z_j, and the mean softmax
 * probability of the predicted class (confidence).
 */
public final class LogitStatsProbe implements Probe {

    @Override
    public String name() {
        return "logit_stats";
    }

    @Override
    public List<String> columns() {
        return List.of("logit_norm", "logit_std", "logit_margin", "confidence");
    }

    @Override
    public double[] measure(ProbeContext context) {
        NDArray z = context.logits(ProbeContext.Split.TRAIN).toType(DataType.FLOAT64, false);
        NDArray y = context.labels(ProbeContext.Split.TRAIN);
        long classes = z.getShape().get(1);
        double norm = z.square().sum(new int[] {1}).sqrt().mean().getDouble();
        double std = Math.sqrt(z.sub(z.mean()).square().mean().getDouble());
        NDArray onehot = y.oneHot((int) classes, DataType.FLOAT64);
        NDArray correct = z.mul(onehot).sum(new int[] {1});
        // Push the correct class far below every other logit before taking the max of the rest.
        NDArray others = z.sub(onehot.mul(Double.MAX_VALUE / 4)).max(new int[] {1});
        double margin = classes > 1 ? correct.sub(others).mean().getDouble() : Double.NaN;
        double confidence = z.softmax(1).max(new int[] {1}).mean().getDouble();
        return new double[] {norm, std, margin, confidence};
    }
}

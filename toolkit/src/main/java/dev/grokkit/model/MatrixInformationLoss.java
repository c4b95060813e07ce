package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import dev.grokkit.info.DifferentiableMatrixEntropy;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;

/**
 * MI-regularized training (robustness paper, Section 4.3): a data term (cross-entropy unless
 * {@link #dataTerm(Loss)} says otherwise, e.g. Omnigrok's MSE) minus lambda times the matrix mutual
 * information between an input-side layer and the logits on the batch,
 *
 * <pre>
 *   L = D(f(x), y) - lambda I_alpha(R_layer; R_logits)
 * </pre>
 *
 * with R the linear kernels of row-l2-normalized features and alpha an integer >= 2 (default 2,
 * the Frobenius form, so no eigen-decomposition sits in the graph). For token models use the
 * embedding layer. The kernels are n x n: {@link #examples(int)} takes the MI term on the batch's
 * first n examples only (for full-batch training a fixed subset), the data term on all.
 * Histories report the data term alone.
 */
public final class MatrixInformationLoss implements ModelLoss {

    private final Loss data;
    private final double lambda;
    private final String layer;
    private final int alpha;
    private final int examples;

    private MatrixInformationLoss(Loss data, double lambda, String layer, int alpha, int examples) {
        if (Objects.requireNonNull(data, "data") instanceof ModelLoss) {
            throw new IllegalArgumentException("data: the data term must be a plain loss of the logits, was the model loss "
                    + data.name());
        }
        this.data = data;
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda: must be finite, was " + lambda);
        }
        if (alpha < 2) {
            throw new IllegalArgumentException("alpha: must be an integer >= 2, was " + alpha);
        }
        this.lambda = lambda;
        this.layer = Objects.requireNonNull(layer, "layer");
        if (examples < 2) {
            throw new IllegalArgumentException("examples: the MI term needs at least 2 examples, was " + examples);
        }
        this.alpha = alpha;
        this.examples = examples;
    }

    /** Cross-entropy minus lambda I_2(R_layer; R_logits); see {@link #dataTerm(Loss)} for another data term. */
    public static MatrixInformationLoss of(double lambda, String layer) {
        return new MatrixInformationLoss(Losses.crossEntropy(), lambda, layer, 2, Integer.MAX_VALUE);
    }

    /** The same loss with integer Renyi order alpha >= 2. */
    public MatrixInformationLoss alpha(int order) {
        return new MatrixInformationLoss(data, lambda, layer, order, examples);
    }

    /** The same regularizer on another data term D (a plain loss of the logits, e.g. {@link Losses#mse()}). */
    public MatrixInformationLoss dataTerm(Loss term) {
        return new MatrixInformationLoss(term, lambda, layer, alpha, examples);
    }

    /** The same loss with the MI term on the batch's first n examples (n >= 2; all of them if fewer). */
    public MatrixInformationLoss examples(int n) {
        return new MatrixInformationLoss(data, lambda, layer, alpha, n);
    }

    @Override
    public String name() {
        return data.name() + "-" + lambda + "*I" + alpha + "(" + layer + ";logits)"
                + (examples == Integer.MAX_VALUE ? "" : " on " + examples + " examples");
    }

    @Override
    public NDArray compute(NDArray logits, NDArray labels) {
        return data.compute(logits, labels);
    }

    @Override
    public NDArray compute(GrokModel model, NDArray x, NDArray y, boolean training) {
        Map<String, NDArray> taps = model.activations(x, training);
        NDArray features = taps.get(layer);
        if (features == null) {
            throw new IllegalArgumentException("layer: no layer '" + layer + "'; the model's layers are "
                    + model.tapNames());
        }
        if (!features.getDataType().isFloating()) {
            throw new IllegalArgumentException("layer: '" + layer + "' holds tokens; use the embedding layer");
        }
        NDArray logits = new ArrayList<>(taps.values()).get(taps.size() - 1); // the last tap
        String rows = "0:" + Math.min(examples, features.getShape().get(0));
        NDArray mi = DifferentiableMatrixEntropy.mutualInformation(
                DifferentiableMatrixEntropy.linearGram(features.get(rows)),
                DifferentiableMatrixEntropy.linearGram(logits.get(rows)), alpha);
        NDArray weight = NativeConstant.of(x.getManager(), lambda, mi.getDataType());
        return data.compute(logits, y).sub(mi.mul(weight));
    }
}

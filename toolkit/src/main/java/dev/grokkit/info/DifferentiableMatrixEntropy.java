package dev.grokkit.info;

import ai.djl.ndarray.NDArray;

/**
 * The matrix entropies of {@link MatrixEntropy} as DJL array expressions, so that a loss can
 * contain them and autograd can differentiate through them. Only integer orders alpha >= 2 are
 * offered: H_alpha = ln tr(A^alpha) / (1 - alpha) needs matrix products only (alpha = 2: the
 * Frobenius norm), while alpha = 1 would need an eigen-decomposition, whose gradient is unstable
 * at repeated eigenvalues. Results are scalar arrays in the inputs' manager and dtype.
 */
public final class DifferentiableMatrixEntropy {

    /** Added to squared row norms before the square root, so an all-zero row has a finite gradient. */
    static final double NORM_FLOOR = 1e-24;

    private DifferentiableMatrixEntropy() {}

    /** Linear kernel of the row-l2-normalized features (flattened to (n, d)): R = Zn Zn^T. */
    public static NDArray linearGram(NDArray z) {
        NDArray flat = z.reshape(z.getShape().get(0), -1);
        NDArray norms = flat.square().sum(new int[] {1}, true).add(constant(flat, NORM_FLOOR)).sqrt();
        NDArray zn = flat.div(norms);
        return zn.matMul(zn.transpose());
    }

    /** H_alpha(R) = ln tr((R / tr R)^alpha) / (1 - alpha), alpha an integer >= 2. */
    public static NDArray entropy(NDArray gram, int alpha) {
        if (alpha < 2) {
            throw new IllegalArgumentException("alpha: the differentiable entropy needs an integer order >= 2, was "
                    + alpha);
        }
        long n = gram.getShape().get(0);
        NDArray eye = gram.getManager().eye((int) n).toType(gram.getDataType(), false);
        NDArray a = gram.div(gram.mul(eye).sum());
        NDArray traceOfPower;
        if (alpha == 2) {
            traceOfPower = a.square().sum(); // tr(A^2) = ||A||_F^2 for symmetric A
        } else {
            NDArray power = a;
            for (int i = 1; i < alpha - 1; i++) {
                power = power.matMul(a);
            }
            traceOfPower = power.mul(a).sum(); // tr(A^(alpha-1) A) with A symmetric
        }
        return traceOfPower.log().div(constant(gram, 1 - alpha));
    }

    /** I(R1; R2) = H(R1) + H(R2) - H(R1 o R2). */
    public static NDArray mutualInformation(NDArray r1, NDArray r2, int alpha) {
        if (!r1.getShape().equals(r2.getShape())) {
            throw new IllegalArgumentException("r2: must have r1's shape " + r1.getShape() + ", has " + r2.getShape());
        }
        return entropy(r1, alpha).add(entropy(r2, alpha)).sub(entropy(r1.mul(r2), alpha));
    }

    /* A native scalar (not a Java-buffer-backed one) so autograd can hold on to it. */
    private static NDArray constant(NDArray like, double value) {
        return like.getManager().create(value).toType(like.getDataType(), false);
    }
}

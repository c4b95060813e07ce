package dev.grokkit.analysis;

import java.util.function.DoubleUnaryOperator;

/**
 * A model of a response y fitted by least squares: its name, its n points, its k fitted
 * coefficients, the residual sum of squares and the fitted curve. Under Gaussian errors of unknown
 * variance (one more parameter) the information criteria are
 *
 * <pre>
 *   AIC = n ln(RSS / n) + 2 (k + 1)
 *   BIC = n ln(RSS / n) + (k + 1) ln n
 * </pre>
 *
 * Only models of the same response on the same points can be compared by them.
 */
public record ModelFit(String name, int n, int coefficients, double rss, double[] parameters,
        DoubleUnaryOperator curve) {

    public ModelFit {
        if (!(rss > 0) || Double.isInfinite(rss)) {
            throw new IllegalArgumentException("model " + name + ": residual sum of squares must be positive and finite,"
                    + " was " + rss + " (a perfect fit has no likelihood to compare)");
        }
        if (n <= coefficients + 1) {
            throw new IllegalArgumentException("model " + name + ": " + n + " points for " + coefficients
                    + " coefficients and a variance");
        }
        parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    public double aic() {
        return n * Math.log(rss / n) + 2.0 * (coefficients + 1);
    }

    public double bic() {
        return n * Math.log(rss / n) + (coefficients + 1) * Math.log(n);
    }

    /** The fitted response at x. */
    public double predict(double x) {
        return curve.applyAsDouble(x);
    }
}

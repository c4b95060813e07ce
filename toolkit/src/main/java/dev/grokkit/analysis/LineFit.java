package dev.grokkit.analysis;

import dev.grokkit.viz.HtmlDisplay;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An ordinary least-squares line v = intercept + slope u through points (u, v), with the
 * standard errors of both coefficients, R^2, and the two-sided confidence interval of the slope
 * from Student's t with n - 2 degrees of freedom. {@link Fits} builds it on transformed axes
 * (ln y against x for an exponential law, ln y against ln x for a power law).
 */
public record LineFit(String u, String v, int n, double slope, double slopeStdErr, double intercept,
        double interceptStdErr, double rSquared, double confidence, double slopeLow, double slopeHigh)
        implements HtmlDisplay {

    /** Fits the line; needs at least three points (n - 2 degrees of freedom for the errors). */
    static LineFit of(String u, String v, double[] us, double[] vs, double confidence) {
        if (us.length != vs.length) {
            throw new IllegalArgumentException("fit needs as many " + u + " as " + v + " values, got " + us.length
                    + " and " + vs.length);
        }
        if (us.length < 3) {
            throw new IllegalArgumentException("fit of " + v + " against " + u + " needs at least 3 points, got "
                    + us.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        // commons-math's SimpleRegression: the textbook estimates and t-based slope interval
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < us.length; i++) {
            r.addData(us[i], vs[i]);
        }
        double half = r.getSlopeConfidenceInterval(1 - confidence);
        return new LineFit(u, v, us.length, r.getSlope(), r.getSlopeStdErr(), r.getIntercept(),
                r.getInterceptStdErr(), r.getRSquare(), confidence, r.getSlope() - half, r.getSlope() + half);
    }

    /** The line's value at {@code at}. */
    public double predict(double at) {
        return intercept + slope * at;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s = %.4g (± %.2g) + %.4g (± %.2g) %s; %.0f%% CI of the slope [%.4g, %.4g];"
                + " R² %.3f; n %d", v, intercept, interceptStdErr, slope, slopeStdErr, u, 100 * confidence, slopeLow,
                slopeHigh, rSquared, n);
    }

    @Override
    public String toHtml() {
        return "<p><code>" + HtmlDisplay.escape(toString()) + "</code></p>";
    }
}

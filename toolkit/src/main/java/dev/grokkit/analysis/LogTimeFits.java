package dev.grokkit.analysis;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * What the laws of a time t against a variable x ({@link SizeLaws}, {@link TemperatureLaws}) share:
 * the checked response ln t, and the two-coefficient law ln t = a + b f(x) fitted by least squares.
 */
final class LogTimeFits {

    private LogTimeFits() {}

    /** The law {@code name}: ln t = a + b f(x) by least squares on the response y = ln t (parameters a, b). */
    static ModelFit line(String name, double[] x, double[] y, DoubleUnaryOperator f) {
        SimpleRegression r = regression(Arrays.stream(x).map(f).toArray(), y);
        double a = r.getIntercept();
        double b = r.getSlope();
        return new ModelFit(name, x.length, 2, r.getSumSquaredErrors(), new double[] {a, b},
                v -> a + b * f.applyAsDouble(v));
    }

    /** The least-squares line of y against x, with an intercept. */
    static SimpleRegression regression(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        return r;
    }

    /**
     * ln t, after checking the points: as many x as t, all positive and finite, at least 3 distinct
     * x; {@code xs} names the variable in messages ("sizes", "temperatures").
     */
    static double[] logTimes(String xs, String x1, double[] x, double[] t) {
        if (x.length != t.length) {
            throw new IllegalArgumentException(x.length + " " + xs + " but " + t.length + " times");
        }
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(x[i] > 0 && t[i] > 0) || Double.isInfinite(x[i]) || Double.isInfinite(t[i])) {
                throw new IllegalArgumentException("point " + i + " (" + x1 + " " + x[i] + ", t " + t[i]
                        + ") cannot be fitted: " + xs + " and times must be positive and finite");
            }
            y[i] = Math.log(t[i]);
        }
        long distinct = Arrays.stream(x).distinct().count();
        if (distinct < 3) {
            throw new IllegalArgumentException("the laws need at least 3 distinct " + xs + ", got " + distinct);
        }
        return y;
    }
}

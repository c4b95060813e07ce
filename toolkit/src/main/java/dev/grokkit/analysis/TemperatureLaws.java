package dev.grokkit.analysis;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Two laws of a positive time t (e.g. the grokking step) against a temperature T > 0, each fitted
 * by least squares on the same response ln t, so that their residuals, AIC and BIC compare:
 *
 * <pre>
 *   Arrhenius (Eyring):  ln t = a + b / T      (an activated escape over a barrier b = dF)
 *   linear in T:         ln t = a + b T
 * </pre>
 *
 * Both have 2 coefficients; they need at least 3 distinct temperatures.
 */
public final class TemperatureLaws {

    public static final String ARRHENIUS = "Arrhenius: ln t = a + b / T";
    public static final String LINEAR = "linear in T: ln t = a + b T";

    private TemperatureLaws() {}

    /** Both laws, Arrhenius first (the reference of a {@link ModelComparison}). */
    public static List<ModelFit> all(double[] temperature, double[] t) {
        return List.of(arrhenius(temperature, t), linear(temperature, t));
    }

    public static ModelFit arrhenius(double[] temperature, double[] t) {
        double[] inverse = new double[temperature.length];
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = 1 / temperature[i];
        }
        SimpleRegression r = line(inverse, logs(temperature, t));
        double a = r.getIntercept();
        double b = r.getSlope();
        return new ModelFit(ARRHENIUS, t.length, 2, r.getSumSquaredErrors(), new double[] {a, b}, x -> a + b / x);
    }

    public static ModelFit linear(double[] temperature, double[] t) {
        SimpleRegression r = line(temperature, logs(temperature, t));
        double a = r.getIntercept();
        double b = r.getSlope();
        return new ModelFit(LINEAR, t.length, 2, r.getSumSquaredErrors(), new double[] {a, b}, x -> a + b * x);
    }

    private static SimpleRegression line(double[] x, double[] y) {
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        return r;
    }

    /** ln t, after checking the points: as many T as t, all positive and finite, at least 3 distinct T. */
    private static double[] logs(double[] temperature, double[] t) {
        if (temperature.length != t.length) {
            throw new IllegalArgumentException(temperature.length + " temperatures but " + t.length + " times");
        }
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(temperature[i] > 0 && t[i] > 0) || Double.isInfinite(temperature[i]) || Double.isInfinite(t[i])) {
                throw new IllegalArgumentException("point " + i + " (T " + temperature[i] + ", t " + t[i]
                        + ") cannot be fitted: temperatures and times must be positive and finite");
            }
            y[i] = Math.log(t[i]);
        }
        if (Arrays.stream(temperature).distinct().count() < 3) {
            throw new IllegalArgumentException("the laws need at least 3 distinct temperatures");
        }
        return y;
    }
}

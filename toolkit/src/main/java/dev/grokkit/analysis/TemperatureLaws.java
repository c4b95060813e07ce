package dev.grokkit.analysis;

import java.util.List;

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
        return LogTimeFits.line(ARRHENIUS, temperature, logs(temperature, t), x -> 1 / x);
    }

    public static ModelFit linear(double[] temperature, double[] t) {
        return LogTimeFits.line(LINEAR, temperature, logs(temperature, t), x -> x);
    }

    private static double[] logs(double[] temperature, double[] t) {
        return LogTimeFits.logTimes("temperatures", "T", temperature, t);
    }
}

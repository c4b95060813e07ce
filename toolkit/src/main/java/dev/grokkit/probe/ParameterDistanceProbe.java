package dev.grokkit.probe;

import ai.djl.ndarray.types.DataType;
import dev.grokkit.model.NamedParameter;
import dev.grokkit.probe.ProbeContext.Split;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the parameters have moved: the Euclidean distance from the initialization,
 * ||w_t - w_0||, and from the parameters at memorization, ||w_t - w_mem||, where w_mem is the
 * first logged point with train accuracy at least the threshold (Kozyrev's picture: a drift ~ t
 * until memorization, then a random walk ~ sqrt(t) on the zero-risk manifold).
 *
 * <pre>
 *   distance_from_init = sqrt(sum_i (w_t,i - w_0,i)^2)
 *   distance_from_mem  = sqrt(sum_i (w_t,i - w_mem,i)^2)    (NaN before memorization)
 * </pre>
 *
 * <p>It keeps both references in Java memory. A measurement at step 0 starts a new run (it
 * forgets earlier references); a run resumed from a checkpoint has lost w_0 and reports NaN for
 * it. Use one instance per run.
 */
public final class ParameterDistanceProbe implements Probe {

    private final double threshold;
    private Map<String, double[]> initial;
    private Map<String, double[]> memorized;

    /** Memorization is train accuracy at least {@code threshold}, in (0, 1]. */
    ParameterDistanceProbe(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "parameter_distance";
    }

    @Override
    public List<String> columns() {
        return List.of("distance_from_init", "distance_from_mem");
    }

    @Override
    public double[] measure(ProbeContext context) {
        Map<String, double[]> now = snapshot(context);
        if (context.step() == 0) {
            initial = now;
            memorized = null;
        }
        if (memorized == null && context.accuracy(Split.TRAIN) >= threshold) {
            memorized = now;
        }
        return new double[] {distance(now, initial), distance(now, memorized)};
    }

    private static Map<String, double[]> snapshot(ProbeContext context) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (NamedParameter p : context.model().trainableParameters()) {
            try (var copy = p.array().toType(DataType.FLOAT64, true)) {
                values.put(p.name(), copy.toDoubleArray());
            }
        }
        return values;
    }

    /** ||a - b|| over all parameters; NaN when there is no reference b. */
    private static double distance(Map<String, double[]> a, Map<String, double[]> b) {
        if (b == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (var e : a.entrySet()) {
            double[] x = e.getValue();
            double[] y = b.get(e.getKey());
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - y[i];
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }
}

package dev.grokkit.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import tech.tablesaw.api.Table;

/**
 * Kozyrev's two phases read from a run's parameter distances (columns of
 * {@code Probes.parameterDistance()}): a drift up to memorization, ||w_t - w_0|| ~ t^d with d = 1,
 * then a random walk from t_mem to t_grok (or to the run's end if it never grokked),
 * ||w_t - w_mem|| ~ (t - t_mem)^w with w = 1/2. Each exponent is the slope of a least-squares line
 * on log-log axes; with them, the train loss at t_mem and its median during the walk (the walk is
 * meant to stay on the zero-loss manifold).
 */
public record DriftAndWalk(double driftExponent, double walkExponent, double lossAtMemorization,
        double medianLossInWalk) {

    /**
     * The exponents of one history (columns step, train_acc, test_acc, train_loss,
     * distance_from_init, distance_from_mem); empty unless it memorized and each phase has at least
     * 3 logged points with a positive distance.
     */
    public static Optional<DriftAndWalk> of(Table history) {
        GrokkingTimes g = GrokkingTimes.of(history);
        if (!g.memorized()) {
            return Optional.empty();
        }
        double[] step = history.numberColumn("step").asDoubleArray();
        double[] fromInit = history.numberColumn("distance_from_init").asDoubleArray();
        double[] fromMem = history.numberColumn("distance_from_mem").asDoubleArray();
        double[] loss = history.numberColumn("train_loss").asDoubleArray();
        double mem = g.memorizationStep();
        double end = g.grokked() ? g.grokkingStep() : step[step.length - 1];
        List<double[]> drift = new ArrayList<>();
        List<double[]> walk = new ArrayList<>();
        List<Double> walkLoss = new ArrayList<>();
        double lossAtMem = Double.NaN;
        for (int i = 0; i < step.length; i++) {
            if (step[i] > 0 && step[i] <= mem && fromInit[i] > 0) {
                drift.add(new double[] {step[i], fromInit[i]});
            }
            if (step[i] > mem && step[i] <= end && fromMem[i] > 0) {
                walk.add(new double[] {step[i] - mem, fromMem[i]});
                walkLoss.add(loss[i]);
            }
            if (step[i] == mem) {
                lossAtMem = loss[i];
            }
        }
        if (drift.size() < 3 || walk.size() < 3) {
            return Optional.empty();
        }
        double median = new Median().evaluate(walkLoss.stream().mapToDouble(Double::doubleValue).toArray());
        return Optional.of(new DriftAndWalk(exponent(drift), exponent(walk), lossAtMem, median));
    }

    private static double exponent(List<double[]> points) {
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return Fits.powerLaw(x, y).slope();
    }
}

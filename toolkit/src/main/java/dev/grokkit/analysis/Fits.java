package dev.grokkit.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The scaling laws of the grokking-time notebook, each a least-squares line on transformed axes
 * with 95% intervals by default. Points with a missing (NaN) coordinate are left out, so a run
 * that never grokked can stay in the table.
 *
 * <pre>
 *   line:        y = a + b x
 *   exponential: y = e^a e^(b x)      (ln y against x; Eyring's 1/t ~ exp(-beta (F1 - F0(N))) with F0 linear in N)
 *   power law:   y = e^a x^b          (ln y against ln x; t_grok ~ t_mem^2 predicts b = 2)
 * </pre>
 */
public final class Fits {

    private Fits() {}

    public static LineFit line(double[] x, double[] y) {
        return line(x, y, 0.95);
    }

    public static LineFit line(double[] x, double[] y, double confidence) {
        double[][] p = finitePairs(x, y, "x", "y", false, false);
        return LineFit.of("x", "y", p[0], p[1], confidence);
    }

    /** y = e^a e^(b x): the slope b is the rate, ln 2 / b the doubling (or halving) distance. */
    public static LineFit exponential(double[] x, double[] y) {
        return exponential(x, y, 0.95);
    }

    public static LineFit exponential(double[] x, double[] y, double confidence) {
        double[][] p = finitePairs(x, y, "x", "y", false, true);
        return LineFit.of("x", "ln y", p[0], log(p[1]), confidence);
    }

    /** y = e^a x^b: the slope b is the exponent. */
    public static LineFit powerLaw(double[] x, double[] y) {
        return powerLaw(x, y, 0.95);
    }

    public static LineFit powerLaw(double[] x, double[] y, double confidence) {
        double[][] p = finitePairs(x, y, "x", "y", true, true);
        return LineFit.of("ln x", "ln y", log(p[0]), log(p[1]), confidence);
    }

    /** The pairs with both coordinates finite; a coordinate that goes on a log axis must be > 0. */
    private static double[][] finitePairs(double[] x, double[] y, String xName, String yName, boolean logX,
            boolean logY) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " has " + x.length + " values but " + yName + " has " + y.length);
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            if ((logX && !(x[i] > 0)) || (logY && !(y[i] > 0)) || Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " (" + xName + " " + x[i] + ", " + yName + " " + y[i]
                        + ") cannot be fitted: values must be finite, and positive on a log axis");
            }
            kept.add(new double[] {x[i], y[i]});
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    private static double[] log(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }
}

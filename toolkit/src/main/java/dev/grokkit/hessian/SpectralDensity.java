package dev.grokkit.hessian;

import dev.grokkit.viz.Charts;
import dev.grokkit.viz.LineChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A spectrum smoothed into a density on a grid: rho(x) = sum_k w_k N(x; theta_k, sigma^2), the
 * Gaussian-smoothed eigenvalue distribution (it integrates to 1 when the grid covers the
 * nodes by several sigma). The default grid has 1000 points on
 * [min - 5 sigma, max + 5 sigma] with sigma = 1% of the spectrum's range (our choice; PyHessian's
 * much narrower kernel shows isolated spikes rather than a density).
 */
public final class SpectralDensity {

    /** Default kernel width relative to max - min. */
    public static final double DEFAULT_RELATIVE_WIDTH = 0.01;

    private final double[] grid;
    private final double[] density;
    private final double sigma;

    private SpectralDensity(double[] grid, double[] density, double sigma) {
        this.grid = grid;
        this.density = density;
        this.sigma = sigma;
    }

    /** The density of {@code spectrum} on the default grid. */
    public static SpectralDensity of(Spectrum spectrum) {
        double range = spectrum.max() - spectrum.min();
        double sigma = DEFAULT_RELATIVE_WIDTH * (range > 0 ? range : Math.max(1e-12, Math.abs(spectrum.max())));
        return of(spectrum, sigma, spectrum.min() - 5 * sigma, spectrum.max() + 5 * sigma, 1000);
    }

    /** The density with kernel width sigma on {@code points} evenly spaced points of [lo, hi]. */
    public static SpectralDensity of(Spectrum spectrum, double sigma, double lo, double hi, int points) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be positive, was " + sigma);
        }
        if (!(hi > lo) || points < 2) {
            throw new IllegalArgumentException("grid needs lo < hi and at least 2 points, was [" + lo + ", " + hi
                    + "] with " + points);
        }
        double[] nodes = spectrum.nodes();
        double[] weights = spectrum.weights();
        double[] x = new double[points];
        double[] rho = new double[points];
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
        for (int g = 0; g < points; g++) {
            x[g] = lo + (hi - lo) * g / (points - 1);
            double s = 0;
            for (int k = 0; k < nodes.length; k++) {
                double z = (x[g] - nodes[k]) / sigma;
                s += weights[k] * Math.exp(-0.5 * z * z);
            }
            rho[g] = norm * s;
        }
        return new SpectralDensity(x, rho, sigma);
    }

    public double[] grid() {
        return grid.clone();
    }

    public double[] density() {
        return density.clone();
    }

    public double sigma() {
        return sigma;
    }

    /** Trapezoid-rule integral of the density over the grid (about 1). */
    public double integral() {
        double s = 0;
        for (int g = 1; g < grid.length; g++) {
            s += 0.5 * (density[g] + density[g - 1]) * (grid[g] - grid[g - 1]);
        }
        return s;
    }

    /** Columns "eigenvalue" and "density". */
    public Table table() {
        return Table.create("spectral density", DoubleColumn.create("eigenvalue", grid),
                DoubleColumn.create("density", density));
    }

    /** The density as a line chart. */
    public LineChart chart() {
        return Charts.lines(table(), "eigenvalue", "density");
    }
}

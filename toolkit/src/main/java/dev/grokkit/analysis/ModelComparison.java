package dev.grokkit.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Models of the same response on the same points, compared by AIC and BIC, with a bootstrap of the
 * points for the uncertainty of each AIC difference. A model's difference is
 * {@code AIC(model) - AIC(reference)}: positive means the reference is preferred. Its Akaike weight
 * is {@code exp(-d/2) / sum exp(-d/2)} over the models, d the AIC above the best. The bootstrap
 * resamples the points with replacement ({@code replicates} times, from a seeded generator), refits
 * every model and records the differences. A resample with no more distinct x than the largest model
 * has coefficients is drawn again (such a model could pass through every point, leaving no residual).
 */
public final class ModelComparison {

    private final List<ModelFit> fits;
    private final double[][] differences;

    private ModelComparison(List<ModelFit> fits, double[][] differences) {
        this.fits = fits;
        this.differences = differences;
    }

    /**
     * Fits {@code models} (x, y to the list of fits, all of the same response; the first is the
     * reference) on the points and on {@code replicates} bootstrap resamples.
     */
    public static ModelComparison of(double[] x, double[] y, BiFunction<double[], double[], List<ModelFit>> models,
            int replicates, long seed) {
        if (replicates < 100) {
            throw new IllegalArgumentException("a bootstrap needs at least 100 replicates, got " + replicates);
        }
        List<ModelFit> fits = models.apply(x, y);
        int distinct = fits.stream().mapToInt(ModelFit::coefficients).max().orElseThrow() + 1;
        if (Arrays.stream(x).distinct().count() < distinct) {
            throw new IllegalArgumentException("comparing models of up to " + (distinct - 1) + " coefficients needs at least "
                    + distinct + " distinct x, got " + Arrays.stream(x).distinct().count());
        }
        double[][] d = new double[fits.size()][replicates];
        Random random = new Random(seed);
        double[] bx = new double[x.length];
        double[] by = new double[y.length];
        for (int r = 0; r < replicates; r++) {
            do {
                for (int i = 0; i < x.length; i++) {
                    int j = random.nextInt(x.length);
                    bx[i] = x[j];
                    by[i] = y[j];
                }
            } while (Arrays.stream(bx).distinct().count() < distinct);
            List<ModelFit> refit = models.apply(bx, by);
            for (int m = 0; m < fits.size(); m++) {
                d[m][r] = refit.get(m).aic() - refit.get(0).aic();
            }
        }
        return new ModelComparison(List.copyOf(fits), d);
    }

    public List<ModelFit> fits() {
        return fits;
    }

    public ModelFit reference() {
        return fits.get(0);
    }

    /** The fit of the named model. */
    public ModelFit fit(String name) {
        return fits.get(index(name));
    }

    /** The model of least AIC. */
    public ModelFit best() {
        ModelFit best = fits.get(0);
        for (ModelFit f : fits) {
            if (f.aic() < best.aic()) {
                best = f;
            }
        }
        return best;
    }

    /** AIC(name) - AIC(reference) on each bootstrap resample. */
    public double[] replicates(String name) {
        return differences[index(name)].clone();
    }

    /**
     * The claim that the reference is preferred to the named model: AIC(name) - AIC(reference),
     * with its bootstrap percentile interval, above 0.
     */
    public Claim referencePreferredTo(String name, String statement) {
        return Claim.that(statement).bootstrap("AIC(" + shortName(name) + ") - AIC(" + shortName(reference().name()) + ")",
                fit(name).aic() - reference().aic(), replicates(name), reference().n() + " points").above(0);
    }

    /** A row per model: name, k, RSS, AIC, BIC, AIC above the best, Akaike weight, bootstrap 95% interval of AIC - AIC(reference). */
    public Table table() {
        double bestAic = best().aic();
        double total = fits.stream().mapToDouble(f -> Math.exp(-(f.aic() - bestAic) / 2)).sum();
        Table t = Table.create("model comparison (" + reference().n() + " points)", StringColumn.create("model"),
                DoubleColumn.create("coefficients"), DoubleColumn.create("RSS"), DoubleColumn.create("AIC"),
                DoubleColumn.create("BIC"), DoubleColumn.create("AIC - best"), DoubleColumn.create("Akaike weight"),
                DoubleColumn.create("AIC - reference"), DoubleColumn.create("95% low"), DoubleColumn.create("95% high"));
        for (int m = 0; m < fits.size(); m++) {
            ModelFit f = fits.get(m);
            double[] sorted = differences[m].clone();
            Arrays.sort(sorted);
            t.stringColumn("model").append(f.name());
            t.doubleColumn("coefficients").append(f.coefficients());
            t.doubleColumn("RSS").append(f.rss());
            t.doubleColumn("AIC").append(f.aic());
            t.doubleColumn("BIC").append(f.bic());
            t.doubleColumn("AIC - best").append(f.aic() - bestAic);
            t.doubleColumn("Akaike weight").append(Math.exp(-(f.aic() - bestAic) / 2) / total);
            t.doubleColumn("AIC - reference").append(f.aic() - reference().aic());
            t.doubleColumn("95% low").append(Percentiles.of(sorted, 0.025));
            t.doubleColumn("95% high").append(Percentiles.of(sorted, 0.975));
        }
        return t;
    }

    private int index(String name) {
        for (int m = 0; m < fits.size(); m++) {
            if (fits.get(m).name().equals(name)) {
                return m;
            }
        }
        List<String> names = new ArrayList<>();
        fits.forEach(f -> names.add(f.name()));
        throw new IllegalArgumentException("no model named '" + name + "'; models: " + names);
    }

    /** "power law" of "power law: ln t = a + b ln N". */
    private static String shortName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}

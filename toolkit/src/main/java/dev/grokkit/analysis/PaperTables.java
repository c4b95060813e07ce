package dev.grokkit.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.StatUtils;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A paper's tables (columns quantity, model, optimizer, pct0, pct1, ... : the value at that
 * percent of training) beside our runs over seeds. Our configurations are named
 * "model (optimizer)", e.g. "ResNet (SGD)", each with one history per seed; {@link #alias}
 * maps our model name to the paper's. A table has rows "ours: mean", "ours: sd" (sample standard
 * deviation over seeds) and "paper" per configuration, and a column per fraction of training at
 * which our runs measured the quantity.
 */
public final class PaperTables {

    private final Table reference;
    private final Map<String, String> aliases = new HashMap<>();

    private PaperTables(Table reference) {
        this.reference = reference;
    }

    /** The paper's tables from a CSV file. */
    public static PaperTables read(Path csv) {
        return new PaperTables(Table.read().csv(csv.toFile()));
    }

    /**
     * The entropy-gap paper's Tables 1-5 (the repository's data/entropy-gap-tables.csv, bundled
     * in the toolkit), with our "ResNet" as its "ResNet18".
     */
    public static PaperTables entropyGap() {
        String resource = "/dev/grokkit/data/bundled/entropy-gap-tables.csv";
        try (InputStream in = PaperTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the toolkit jar lacks " + resource);
            }
            return of(Table.read().usingOptions(CsvReadOptions.builder(in).tableName("entropy-gap tables")))
                    .alias("ResNet", "ResNet18");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PaperTables of(Table reference) {
        return new PaperTables(reference);
    }

    /** Our model {@code ours} is the paper's {@code paper} (e.g. "ResNet" is "ResNet18"). */
    public PaperTables alias(String ours, String paper) {
        aliases.put(ours, paper);
        return this;
    }

    /** The paper's value of a quantity for "model (optimizer)" at a fraction of training; NaN if it has none. */
    public double paper(String quantity, String configuration, double fraction) {
        String model = configuration.substring(0, configuration.indexOf(" ("));
        String optimizer = configuration.substring(configuration.indexOf(" (") + 2, configuration.length() - 1);
        String column = "pct" + Math.round(100 * fraction);
        for (Row r : reference) {
            if (r.getString("quantity").equals(quantity) && r.getString("model").equals(aliases.getOrDefault(model, model))
                    && r.getString("optimizer").equals(optimizer) && reference.columnNames().contains(column)) {
                return r.getNumber(column);
            }
        }
        return Double.NaN;
    }

    /**
     * Our mean and sd over seeds of {@code column} (times {@code scale} of the configuration) at
     * round(f * steps) for each fraction f, beside the paper's {@code quantity}.
     */
    public Table beside(String title, String quantity, Map<String, ? extends List<? extends Table>> runs,
            String column, long steps, double[] fractions, ToDoubleFunction<String> scale) {
        Table t = Table.create(title, StringColumn.create("configuration"), StringColumn.create("source"));
        for (double f : fractions) {
            t.addColumns(DoubleColumn.create(Math.round(100 * f) + " %"));
        }
        runs.forEach((configuration, histories) -> {
            double[][] rows = new double[3][fractions.length];
            for (int i = 0; i < fractions.length; i++) {
                long step = Math.round(fractions[i] * steps);
                double factor = scale.applyAsDouble(configuration);
                double[] seeds = histories.stream().mapToDouble(h -> factor * GrokkingTimes.valueAt(h, column, step)).toArray();
                rows[0][i] = StatUtils.mean(seeds);
                rows[1][i] = Math.sqrt(StatUtils.variance(seeds));
                rows[2][i] = paper(quantity, configuration, fractions[i]);
            }
            String[] sources = {"ours: mean", "ours: sd", "paper"};
            for (int k = 0; k < 3; k++) {
                t.stringColumn("configuration").append(configuration);
                t.stringColumn("source").append(sources[k]);
                for (int i = 0; i < fractions.length; i++) {
                    t.doubleColumn(2 + i).append(rows[k][i]);
                }
            }
        });
        return t;
    }

    /** {@link #beside} without scaling. */
    public Table beside(String title, String quantity, Map<String, ? extends List<? extends Table>> runs,
            String column, long steps, double[] fractions) {
        return beside(title, quantity, runs, column, steps, fractions, c -> 1);
    }
}

package dev.grokkit.spark;

import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.model.Models;
import dev.grokkit.optim.Optimizers;
import dev.grokkit.probe.Probes;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Stop;
import dev.grokkit.train.Sweep;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import tech.tablesaw.api.Table;

/**
 * A sweep to {@code spark-submit}: grokking time of x + y mod p over training fraction x seed
 * (embedding MLP, d 64, 256 ReLUs; AdamW, learning rate 3e-3, weight decay 1, betas 0.9 and 0.98;
 * full batch; stop at test accuracy 0.99). Its factory is a named record with the settings as data,
 * the form a sweep takes to reach a cluster's executors.
 *
 * <pre>
 * spark-submit --class dev.grokkit.spark.GrokkingTimeSweep ... grokkit-spark.jar \
 *   --fractions 0.5,0.6,0.7 --seeds 0,1,2 --steps 6000 --modulus 31 --dir hdfs:///sweeps/grok --out runs.csv
 * </pre>
 * Writes every run's history (the point's columns first) as CSV to {@code --out} on the driver and
 * prints the summary.
 */
public final class GrokkingTimeSweep {

    /** One run: the share of the p * p pairs used for training, and the seed of split and initialization. */
    public record Point(double fraction, long seed) implements Serializable {}

    /** The experiment of each point. */
    public record Runs(int modulus, long steps) implements SweepFactory<Point> {
        @Override
        public Experiment apply(Point p) {
            return Experiment.builder().name("fraction " + p.fraction() + " seed " + p.seed())
                    .data(ModularArithmetic.builder().modulus(modulus).operation(Operation.ADD)
                            .trainFraction(p.fraction()).seed(p.seed()).form(ModularArithmetic.Form.PAIRS).build())
                    .model(Models.embeddingMlp().embeddingDim(64).hidden(256))
                    .optimizer(Optimizers.adamW().learningRate(3e-3).weightDecay(1.0).betas(0.9, 0.98))
                    .steps(steps).fullBatch().seed(p.seed()).logEvery(10).probes(Probes.weightNorm())
                    .stopWhen(Stop.testAccuracyAtLeast(0.99)).quiet().build();
        }
    }

    private GrokkingTimeSweep() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        List<Point> points = new ArrayList<>();
        for (String f : options.getOrDefault("fractions", "0.5,0.6,0.7").split(",")) {
            for (String s : options.getOrDefault("seeds", "0,1,2").split(",")) {
                points.add(new Point(Double.parseDouble(f.strip()), Long.parseLong(s.strip())));
            }
        }
        Runs runs = new Runs(Integer.parseInt(options.getOrDefault("modulus", "31")),
                Long.parseLong(options.getOrDefault("steps", "6000")));
        SparkSweep<Point> sweep = SparkSweep.over("point", points, runs);
        if (options.containsKey("dir")) {
            sweep = sweep.saveTo(options.get("dir"), Long.parseLong(options.getOrDefault("checkpoint-every", "1000")));
        }
        SparkSession spark = SparkSessions.fromEnvironment();
        Sweep.Result<Point> result;
        try {
            result = sweep.run(spark);
        } finally {
            spark.stop();
        }
        System.out.println(result.summary().printAll());
        Table rows = SweepRows.of(result);
        Path out = Path.of(options.getOrDefault("out", "grokking-time-runs.csv"));
        rows.write().csv(out.toFile());
        System.out.println(rows.rowCount() + " history rows of " + result.points().size() + " runs written to " + out);
    }

    /** "--name value" pairs; refuses anything else. */
    private static Map<String, String> options(String[] args) {
        List<String> known = List.of("fractions", "seeds", "steps", "modulus", "dir", "checkpoint-every", "out");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: GrokkingTimeSweep [--name value]..., names " + known
                        + "; got " + Arrays.toString(args));
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }
}

package dev.grokkit.spark;

import dev.grokkit.train.History;
import dev.grokkit.train.Sweep;
import dev.grokkit.train.SweepFolders;
import dev.grokkit.train.RunListener;
import dev.grokkit.train.RunListeners;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.FutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import tech.tablesaw.api.Table;

/**
 * A {@link Sweep} whose points run as Spark tasks, one task per point, on a {@link SparkSession}
 * (by default {@link SparkSessions#fromEnvironment()}: embedded {@code local[*]} or the cluster
 * {@code GROKKIT_SPARK_MASTER} names). Each task runs the toolkit's one-point sweep, so the
 * semantics are the local sweep's: with {@link #saveTo} finished runs are loaded instead of redone,
 * unfinished ones resume from their newest checkpoint (also when Spark retries a failed task), and
 * the same seed gives the same history. Each point trains alone, as in a local sweep with
 * {@code ensembles(false)}: a task holds one point, so there are no seeds to stack into an ensemble,
 * and its history equals the lone run's bit for bit (a local sweep's ensemble equals it to float
 * round-off). The directory is a Hadoop FileSystem URI (file:///...,
 * hdfs://..., s3a://...) laid out as a local sweep's folder. The result is the local sweep's:
 * histories by point and the summary table; {@link SweepRows} gives all histories as one table.
 *
 * <p>Points and the factory travel to executors by Java serialization; a sweep whose factory or
 * points do not survive it is refused when defined, naming the class.
 */
public final class SparkSweep<T> {

    private final String parameter;
    private final List<T> points;
    private final SweepFactory<T> experiments;
    private final String directory;
    private final long checkpointEvery;
    private final RunListener listener;

    private SparkSweep(String parameter, List<T> points, SweepFactory<T> experiments, String directory,
            long checkpointEvery, RunListener listener) {
        this.parameter = parameter;
        this.points = points;
        this.experiments = experiments;
        this.directory = directory;
        this.checkpointEvery = checkpointEvery;
        this.listener = listener;
    }

    /**
     * A sweep of {@code experiments.apply(p)} for each point p of {@code parameter}, refused (as a local
     * sweep's) for repeated or null points, and refused if the factory or a point cannot be serialized.
     */
    public static <T> SparkSweep<T> over(String parameter, List<T> points, SweepFactory<T> experiments) {
        Sweep.over(parameter, points, experiments); // the local sweep's checks of the parameter and points
        String sweep = "sweep over '" + parameter + "'";
        Shipping.requireShippable(sweep, "the experiment factory", experiments);
        for (int i = 0; i < points.size(); i++) {
            Shipping.requireShippable(sweep, "point " + (i + 1) + " (" + points.get(i) + ")", points.get(i));
        }
        return new SparkSweep<>(parameter, List.copyOf(points), experiments, null, 0, null);
    }

    /**
     * Keeps finished runs and checkpoints (every {@code checkpointEvery} steps) under {@code directoryUri}, a
     * Hadoop FileSystem URI with a scheme, one folder per point named as a local sweep names it.
     */
    public SparkSweep<T> saveTo(String directoryUri, long checkpointEvery) {
        Objects.requireNonNull(directoryUri, "directoryUri");
        try {
            if (new URI(directoryUri).getScheme() == null) {
                throw new IllegalArgumentException("saveTo: '" + directoryUri + "' names no file system; give a URI"
                        + " such as file:///data/sweep, hdfs://namenode/sweep or s3a://bucket/sweep");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("saveTo: '" + directoryUri + "' is not a URI: " + e.getMessage(), e);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, was " + checkpointEvery);
        }
        SweepFolders.requireDistinct(parameter, points.stream().map(String::valueOf).toList());
        return new SparkSweep<>(parameter, points, experiments, directoryUri, checkpointEvery, listener);
    }

    /** Who hears of each finished run, on the driver (default: the default run listener, e.g. a progress bar). */
    public SparkSweep<T> listener(RunListener newListener) {
        return new SparkSweep<>(parameter, points, experiments, directory, checkpointEvery,
                Objects.requireNonNull(newListener, "listener"));
    }

    /** Runs on {@link SparkSessions#fromEnvironment()}. */
    public Sweep.Result<T> run() {
        return run(SparkSessions.fromEnvironment());
    }

    /**
     * Runs every point as one task of one Spark job and returns the finished runs in sweep order; the
     * listener hears of each run as its task's result reaches the driver. A task that fails is retried
     * by Spark (resuming from its checkpoints); if it fails every attempt, the job fails, and the runs
     * finished meanwhile stay in the directory for the next run to load. If the calling thread is
     * interrupted, the job is cancelled (its tasks interrupted: the runs stop, keeping their
     * checkpoints) and the result holds the runs finished so far.
     */
    public Sweep.Result<T> run(SparkSession spark) {
        SparkContext context = spark.sparkContext();
        RunListener progress = listener != null ? listener : RunListeners.createDefault();
        progress.started("sweep over " + parameter + " (" + points.size() + " runs as Spark tasks on "
                + context.master() + ")", points.size());
        PointTask<T> task = new PointTask<>(parameter, experiments, directory, checkpointEvery,
                HadoopSettings.of(context.hadoopConfiguration()));
        JavaRDD<FinishedPoint<T>> runs = JavaSparkContext.fromSparkContext(context)
                .parallelize(points, points.size()).map(task);
        Map<Integer, FinishedPoint<T>> finished = new ConcurrentHashMap<>();
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            partitions.add(i);
        }
        String group = "grokkit-sweep-" + UUID.randomUUID();
        context.setJobGroup(group, "grokkit sweep over " + parameter + " (" + points.size() + " runs)", true);
        FutureAction<Object> job;
        try {
            job = context.submitJob(runs.rdd(), onlyRun(), CollectionConverters.asScala(partitions).toSeq(),
                    (Function2<Object, FinishedPoint<T>, BoxedUnit>) (index, run) -> {
                        finished.put((Integer) index, run);
                        progress.logged(finished.size(), run.summaryValues());
                        return BoxedUnit.UNIT;
                    }, (Function0<Object>) () -> null);
        } finally {
            context.clearJobGroup();
        }
        String reason = "completed " + points.size() + " runs";
        try {
            job.get();
        } catch (Exception e) { // Scala declares SparkException (the job failed); an interrupt arrives as itself
            if (!(e instanceof InterruptedException)) {
                Throwable failure = e.getCause() != null ? e.getCause() : e; // awaitResult wraps the job's failure
                progress.finished(finished.size(), "failed");
                throw new IllegalStateException("sweep over '" + parameter + "' failed on Spark (" + finished.size()
                        + " of " + points.size() + " runs finished" + (directory == null ? "" : ", kept in "
                        + directory + " for the next run to load") + "): " + failure.getMessage(), failure);
            }
            context.cancelJobGroup(group);
            Thread.currentThread().interrupt();
            reason = "interrupted after " + finished.size() + " runs";
        }
        progress.finished(finished.size(), reason);
        Map<T, History> histories = new LinkedHashMap<>();
        Table summary = null;
        for (int i = 0; i < points.size(); i++) {
            FinishedPoint<T> f = finished.get(i);
            if (f != null) {
                histories.put(f.point(), f.history());
                Table row = f.summaryRow().toTable();
                summary = summary == null ? row : summary.append(row);
            }
        }
        return new Sweep.Result<>(summary != null ? summary : Table.create("sweep over " + parameter), histories);
    }

    /** A task's partition holds one point; its result is that point's finished run. */
    private static <R> Function1<scala.collection.Iterator<R>, R> onlyRun() {
        return (Function1<scala.collection.Iterator<R>, R> & Serializable) scala.collection.Iterator::next;
    }
}

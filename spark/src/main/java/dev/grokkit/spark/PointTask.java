package dev.grokkit.spark;

import dev.grokkit.train.RunListeners;
import dev.grokkit.train.Sweep;
import dev.grokkit.train.SweepFolders;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.hadoop.fs.FileSystem;

/**
 * The Spark task of one sweep point: the toolkit's {@link Sweep} of that one point, so a run is
 * loaded if it finished, resumed from its newest checkpoint if it started, and otherwise run, in
 * the point's folder of the sweep directory (staged locally by {@link StagedPoint}). A failure
 * leaves the checkpoints uploaded and fails the task, which Spark retries.
 */
record PointTask<T>(String parameter, SweepFactory<T> experiments, String directory, long checkpointEvery,
        HadoopSettings hadoop) implements Function<T, FinishedPoint<T>> {

    @Override
    public FinishedPoint<T> call(T point) throws IOException {
        Sweep<T> sweep = Sweep.over(parameter, List.of(point), experiments).listener(RunListeners.silent());
        if (directory == null) {
            return finished(point, sweep.run());
        }
        URI root = URI.create(directory);
        try (FileSystem fs = FileSystem.newInstance(root, hadoop.toConfiguration())) {
            fs.setWriteChecksum(false); // no .crc files beside a checkpoint's manifest on file://
            try (StagedPoint stage = StagedPoint.download(fs, new org.apache.hadoop.fs.Path(root),
                    SweepFolders.name(String.valueOf(point)))) {
                stage.startMirroring();
                Sweep.Result<T> result;
                try {
                    result = sweep.saveTo(stage.localRoot(), checkpointEvery).run();
                } catch (RuntimeException | Error e) {
                    try {
                        stage.stopMirroring();
                    } catch (IOException | RuntimeException upload) {
                        e.addSuppressed(upload);
                    }
                    throw e;
                }
                stage.stopMirroring();
                FinishedPoint<T> finished = finished(point, result);
                stage.uploadFinished();
                return finished;
            }
        }
    }

    private FinishedPoint<T> finished(T point, Sweep.Result<T> result) {
        if (!result.histories().containsKey(point)) {
            throw new IllegalStateException("the run of " + parameter + " = " + point + " was interrupted");
        }
        return FinishedPoint.of(point, result);
    }
}

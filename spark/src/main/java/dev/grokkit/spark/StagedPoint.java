package dev.grokkit.spark;

import dev.grokkit.train.SweepFolders;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * One sweep point's folder in a Hadoop FileSystem directory (HDFS, an object store, file://),
 * staged in a local folder where the toolkit's {@link dev.grokkit.train.Sweep} runs it, since
 * libtorch reads and writes local files. The layout is a local sweep's: {@code run.properties}
 * and {@code history.csv} of a finished run, {@code checkpoints/step-NNNNNNNNN} folders.
 *
 * <p>{@link #download} copies the finished run's files and the complete checkpoints; while the run
 * goes on, {@link #startMirroring} uploads each new checkpoint within a second of its local
 * rename (under a temporary name, renamed when complete) and removes the ones the run deleted;
 * {@link #uploadFinished} writes history.csv, then run.properties, whose presence marks the run
 * finished, as in a local sweep.
 */
final class StagedPoint implements AutoCloseable {

    private static final String CHECKPOINT_FOLDER = "step-\\d+";
    private static final String UPLOADING = ".tmp-upload";

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path remote;
    private final Path localRoot;
    private final Path local;
    private final byte[] downloadedRun;
    private ScheduledExecutorService mirror;

    private StagedPoint(FileSystem fs, org.apache.hadoop.fs.Path remote, Path localRoot, Path local,
            byte[] downloadedRun) {
        this.fs = fs;
        this.remote = remote;
        this.localRoot = localRoot;
        this.local = local;
        this.downloadedRun = downloadedRun;
    }

    /** Copies the point's folder {@code name} under {@code remoteRoot} (if any) to a new local folder. */
    static StagedPoint download(FileSystem fs, org.apache.hadoop.fs.Path remoteRoot, String name) throws IOException {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(remoteRoot, name);
        Path localRoot = Files.createTempDirectory("grokkit-spark-");
        Path local = localRoot.resolve(name);
        Files.createDirectories(local);
        byte[] run = null;
        for (String file : List.of(SweepFolders.HISTORY, SweepFolders.RUN)) {
            org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(remote, file);
            if (exists(fs, source, FileStatus::isFile)) {
                fs.copyToLocalFile(false, source, hadoopPath(local.resolve(file)), true);
            }
        }
        if (Files.isRegularFile(local.resolve(SweepFolders.RUN))) {
            run = Files.readAllBytes(local.resolve(SweepFolders.RUN));
        }
        org.apache.hadoop.fs.Path checkpoints = new org.apache.hadoop.fs.Path(remote, SweepFolders.CHECKPOINTS);
        for (String step : remoteCheckpoints(fs, checkpoints)) {
            Files.createDirectories(local.resolve(SweepFolders.CHECKPOINTS));
            fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(checkpoints, step),
                    hadoopPath(local.resolve(SweepFolders.CHECKPOINTS).resolve(step)), true);
        }
        return new StagedPoint(fs, remote, localRoot, local, run);
    }

    /** The local directory to give the sweep's saveTo: it holds this point's folder. */
    Path localRoot() {
        return localRoot;
    }

    /** Uploads new checkpoints every second until {@link #stopMirroring}; a failed upload is retried at the next round. */
    void startMirroring() {
        mirror = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "grokkit checkpoint upload " + remote.getName());
            t.setDaemon(true);
            return t;
        });
        mirror.scheduleWithFixedDelay(() -> {
            try {
                syncCheckpoints(false);
            } catch (IOException | UncheckedIOException e) {
                // the remote directory could not be listed: the next round tries again
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Stops the periodic upload and uploads the checkpoints the run left. */
    void stopMirroring() throws IOException {
        if (mirror != null) {
            mirror.shutdownNow();
            try {
                mirror.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        syncCheckpoints(true);
    }

    /**
     * Uploads each complete local checkpoint folder the remote directory lacks, newest first (to a
     * temporary name, then renamed), then deletes the remote ones the run has deleted locally, always
     * keeping the two newest remote ones. While the run goes on ({@code runEnded} false) a folder the run
     * deletes while it is copied is skipped; after the run, any failure is thrown.
     */
    synchronized void syncCheckpoints(boolean runEnded) throws IOException {
        Path localCheckpoints = local.resolve(SweepFolders.CHECKPOINTS);
        List<String> here = localCheckpoints(localCheckpoints);
        org.apache.hadoop.fs.Path there = new org.apache.hadoop.fs.Path(remote, SweepFolders.CHECKPOINTS);
        List<String> uploaded = remoteCheckpoints(fs, there);
        for (int k = here.size() - 1; k >= 0; k--) {
            String step = here.get(k);
            if (!uploaded.contains(step)) {
                try {
                    upload(localCheckpoints.resolve(step), there, step);
                } catch (IOException | UncheckedIOException e) {
                    if (runEnded) {
                        throw e;
                    }
                }
            }
        }
        List<String> now = remoteCheckpoints(fs, there);
        for (int i = 0; i < now.size() - 2; i++) {
            if (!here.contains(now.get(i))) {
                fs.delete(new org.apache.hadoop.fs.Path(there, now.get(i)), true);
            }
        }
    }

    /** Copies {@code folder} to {@code there/step} through a temporary name; a failed copy leaves nothing. */
    private void upload(Path folder, org.apache.hadoop.fs.Path there, String step) throws IOException {
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(there, step + UPLOADING);
        try {
            fs.delete(tmp, true);
            fs.mkdirs(there);
            fs.copyFromLocalFile(false, true, hadoopPath(folder), tmp);
            if (!fs.rename(tmp, new org.apache.hadoop.fs.Path(there, step))) {
                throw new IOException("cannot rename " + tmp + " to " + step);
            }
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(tmp, true);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** After the run finished: history.csv, then run.properties, unless the run was loaded unchanged. */
    void uploadFinished() throws IOException {
        byte[] run = Files.readAllBytes(local.resolve(SweepFolders.RUN));
        if (Arrays.equals(run, downloadedRun)) {
            return;
        }
        for (String file : List.of(SweepFolders.HISTORY, SweepFolders.RUN)) {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(remote, file);
            org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(remote, file + UPLOADING);
            fs.copyFromLocalFile(false, true, hadoopPath(local.resolve(file)), tmp);
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        }
    }

    /** Deletes the local copy. */
    @Override
    public void close() throws IOException {
        if (mirror != null) {
            mirror.shutdownNow();
        }
        try (Stream<Path> s = Files.walk(localRoot)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> localCheckpoints(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches(CHECKPOINT_FOLDER)).sorted().toList();
        }
    }

    private static List<String> remoteCheckpoints(FileSystem fs, org.apache.hadoop.fs.Path folder)
            throws IOException {
        if (!exists(fs, folder, FileStatus::isDirectory)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        for (FileStatus status : fs.listStatus(folder)) {
            if (status.isDirectory() && status.getPath().getName().matches(CHECKPOINT_FOLDER)) {
                names.add(status.getPath().getName());
            }
        }
        return new ArrayList<>(names);
    }

    /** Whether there is a file or folder at {@code path} and it is {@code kind} (a file, a folder). */
    private static boolean exists(FileSystem fs, org.apache.hadoop.fs.Path path, Predicate<FileStatus> kind)
            throws IOException {
        try {
            return kind.test(fs.getFileStatus(path));
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
        return new org.apache.hadoop.fs.Path(path.toUri());
    }
}

package dev.grokkit.train;

import dev.grokkit.model.GrokModel;
import dev.grokkit.optim.GrokOptimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A checkpoint directory opened by one run. It has one owner: opening it takes a lock on its
 * file {@code .lock} (held until {@link #close}, so two live runs, in this process or another,
 * cannot share it) and checks that every checkpoint in it is intact and belongs to the opening
 * experiment ({@link ExperimentIdentity}); otherwise opening fails naming the directory and
 * what differs, and nothing in it is changed.
 */
final class CheckpointDirectory implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    /** Checkpoints kept: the newest and the one before, in case a kill damages the newest. */
    private static final int KEEP = 2;

    private final Experiment experiment;
    private final ExperimentIdentity identity;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Checkpoint> checkpoints;
    /** A run from scratch replaces the checkpoints it found (its own experiment's) at its first save. */
    private boolean replacing;
    /** Opening created the directory: a run that fails before its first save leaves nothing behind. */
    private final boolean created;
    private boolean saved;

    private CheckpointDirectory(Experiment experiment, ExperimentIdentity identity, FileChannel channel,
            FileLock lock, List<Checkpoint> checkpoints, boolean replacing, boolean created) {
        this.experiment = experiment;
        this.replacing = replacing;
        this.created = created;
        this.identity = identity;
        this.channel = channel;
        this.lock = lock;
        this.checkpoints = new ArrayList<>(checkpoints);
    }

    /** Opens the experiment's directory; {@code fresh}: for a run from scratch. */
    static CheckpointDirectory open(Experiment experiment, boolean fresh) {
        Path root = experiment.checkpointDir();
        FileChannel channel = null;
        try {
            boolean created = !Files.exists(root);
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // held by another run of this process
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("checkpoint directory " + root + " is in use by another run (which"
                        + " holds " + root.resolve(LOCK_FILE) + "); wait until it ends, or use another directory");
            }
            ExperimentIdentity identity = ExperimentIdentity.of(experiment);
            List<Checkpoint> all = Checkpoint.all(root);
            for (int i = all.size() - 1; i >= 0; i--) { // the newest first: the one a resume would read
                all.get(i).requireBelongsTo(experiment, identity);
            }
            return new CheckpointDirectory(experiment, identity, channel, lock, all, fresh, created);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new UncheckedIOException("cannot open checkpoint directory " + root, e);
        } catch (RuntimeException | Error e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /** The newest checkpoint, if any. */
    Optional<Checkpoint> latest() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** Writes the checkpoint of {@code step} and deletes all but the newest {@value #KEEP}. */
    void save(long step, GrokModel model, GrokOptimizer optimizer, History history) {
        if (replacing) {
            checkpoints.forEach(Checkpoint::delete);
            checkpoints.clear();
            replacing = false;
        }
        saved = true;
        checkpoints.removeIf(c -> c.step() == step);
        checkpoints.add(Checkpoint.write(root(), step, experiment, identity,
                ExperimentIdentity.learningRates(experiment, step), model, optimizer, history));
        checkpoints.sort(Comparator.comparingLong(Checkpoint::step));
        while (checkpoints.size() > KEEP) {
            checkpoints.remove(0).delete();
        }
    }

    private Path root() {
        return experiment.checkpointDir();
    }

    /** Releases the lock; removes the directory again if opening created it and nothing was saved. */
    @Override
    public void close() {
        Path lockFile = root().resolve(LOCK_FILE);
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + lockFile, e);
        }
        if (created && !saved) {
            try {
                Files.deleteIfExists(lockFile);
                Files.deleteIfExists(root());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the unused checkpoint directory " + root(), e);
            }
        }
    }

    private static void closeQuietly(FileChannel channel, Throwable failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}

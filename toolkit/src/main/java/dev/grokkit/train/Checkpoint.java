package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.grokkit.model.GrokModel;
import dev.grokkit.optim.GrokOptimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A run saved at one step, in its own folder {@code step-000001000} under the checkpoint
 * directory: model parameters, optimizer state (update counts and slot arrays), the history so
 * far, and the experiment's description. A folder is written under a temporary name and renamed
 * when complete, so a crash never leaves a half-written checkpoint that looks valid (the next
 * save deletes such leftovers). The two newest are kept.
 */
final class Checkpoint {

    private static final String PREFIX = "step-";
    private static final int KEEP = 2;

    private final Path dir;
    private final long step;
    private final String description;

    private Checkpoint(Path dir, long step, String description) {
        this.dir = dir;
        this.step = step;
        this.description = description;
    }

    long step() {
        return step;
    }

    String description() {
        return description;
    }

    Path dir() {
        return dir;
    }

    /** Writes a checkpoint for {@code step} and deletes all but the newest two. */
    static Checkpoint save(Path root, long step, String description, GrokModel model,
            GrokOptimizer optimizer, History history) {
        try {
            Files.createDirectories(root);
            String folder = String.format("%s%09d", PREFIX, step);
            Path tmp = Files.createTempDirectory(root, folder + ".tmp");
            model.save(tmp.resolve("model.params"));
            NDList slots = new NDList();
            optimizer.slots().forEach((key, array) -> {
                array.setName(key);
                slots.add(array);
            });
            if (!slots.isEmpty()) { // a stateless rule (SGD, SGLD) has none; DJL cannot decode an empty list
                try (OutputStream out = Files.newOutputStream(tmp.resolve("optimizer.ndlist"))) {
                    out.write(slots.encode());
                }
            }
            history.save(tmp.resolve("history.csv"));
            Properties props = new Properties();
            props.setProperty("step", Long.toString(step));
            props.setProperty("experiment", description);
            optimizer.counts().forEach((id, count) -> props.setProperty("count." + id, count.toString()));
            try (OutputStream out = Files.newOutputStream(tmp.resolve("checkpoint.properties"))) {
                props.store(out, "grokkit checkpoint");
            }
            Path target = root.resolve(folder);
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            List<Path> all = list(root);
            for (int i = 0; i < all.size() - KEEP; i++) {
                deleteTree(all.get(i));
            }
            for (Path stale : temporaries(root)) { // left by a process killed while it saved
                deleteTree(stale);
            }
            return new Checkpoint(target, step, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint for step " + step + " in " + root, e);
        }
    }

    /** The newest complete checkpoint in {@code root}, if any. */
    static Optional<Checkpoint> latest(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Path> all = list(root);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Path dir = all.get(all.size() - 1);
        Properties props = properties(dir);
        return Optional.of(new Checkpoint(dir, number(dir, props, "step"), props.getProperty("experiment")));
    }

    void restoreModel(GrokModel model) {
        model.load(dir.resolve("model.params"));
    }

    /** Restores update counts and slot arrays (created in {@code manager}). */
    void restoreOptimizer(GrokOptimizer optimizer, NDManager manager) {
        Properties props = properties(dir);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("count.")) {
                counts.put(key.substring("count.".length()), Math.toIntExact(number(dir, props, key)));
            }
        }
        Map<String, NDArray> slots = new LinkedHashMap<>();
        Path file = dir.resolve("optimizer.ndlist");
        if (!Files.exists(file)) {
            optimizer.restore(counts, slots);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (NDArray array : NDList.decode(manager, in)) {
                slots.put(array.getName(), array);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read optimizer state from " + dir, e);
        } catch (IllegalArgumentException e) { // DJL's answer to malformed data
            throw new IllegalStateException("checkpoint " + dir + " is corrupted: " + file.getFileName()
                    + " is not an optimizer state (" + e.getMessage() + ")", e);
        }
        optimizer.restore(counts, slots);
    }

    History history() {
        return History.load(dir.resolve("history.csv")).upTo(step);
    }

    private static Properties properties(Path dir) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("checkpoint.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + dir + " has no readable checkpoint.properties", e);
        }
        if (props.getProperty("step") == null || props.getProperty("experiment") == null) {
            throw new IllegalStateException("checkpoint " + dir + " is incomplete: step or experiment missing");
        }
        return props;
    }

    /** A property that must be a whole number >= 0. */
    private static long number(Path dir, Properties props, String key) {
        String value = props.getProperty(key);
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("checkpoint " + dir + " is corrupted: " + key + " is '" + value
                + "' in checkpoint.properties, not a whole number >= 0");
    }

    /** Complete checkpoint folders, oldest first. */
    private static List<Path> list(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("checkpoint.properties")))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + root, e);
        }
    }

    /** Folders of unfinished saves. */
    private static List<Path> temporaries(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+\\.tmp.*")).toList();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

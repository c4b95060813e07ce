package dev.grokkit.train;

import static dev.grokkit.train.CheckpointManifest.damaged;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.NamedParameter;
import dev.grokkit.optim.GrokOptimizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A run saved at one step, in its own folder {@code step-000001000} under the checkpoint
 * directory: model parameters, optimizer state (update counts and, for rules that keep them, slot
 * arrays), the history so far, the experiment's identity, and a {@link CheckpointManifest} of
 * them all. A folder is written under a temporary name and renamed when complete, so a crash never
 * leaves a half-written checkpoint that looks valid. A checkpoint is complete and intact, or it is
 * refused naming the file and the problem: nothing is read before the manifest is verified, and
 * what is read is checked against the model and optimizer it is restored into.
 */
final class Checkpoint {

    private static final String PREFIX = "step-";
    private static final String PROPERTIES = "checkpoint.properties";
    private static final String MODEL = "model.params";
    private static final String OPTIMIZER = "optimizer.ndlist";
    private static final String HISTORY = "history.csv";
    private static final String LEARNING_RATES = "learning_rates";

    private final Path dir;
    private final long step;
    private final Properties props;

    private Checkpoint(Path dir, long step, Properties props) {
        this.dir = dir;
        this.step = step;
        this.props = props;
    }

    long step() {
        return step;
    }

    Path dir() {
        return dir;
    }

    /** Writes the checkpoint of {@code step} into {@code root} (replacing one of the same step). */
    static Checkpoint write(Path root, long step, Experiment experiment, ExperimentIdentity identity,
            String learningRates, GrokModel model, GrokOptimizer optimizer, History history) {
        String folder = String.format("%s%09d", PREFIX, step);
        Path tmp = null;
        try {
            for (Path stale : temporaries(root)) { // left by a process killed while it saved
                deleteTree(stale);
            }
            tmp = Files.createTempDirectory(root, folder + ".tmp");
            model.save(tmp.resolve(MODEL));
            NDList slots = new NDList();
            optimizer.slots().forEach((key, array) -> {
                array.setName(key);
                slots.add(array);
            });
            if (!slots.isEmpty()) { // a stateless rule (SGD, SGLD) has none; DJL cannot decode an empty list
                try (OutputStream out = Files.newOutputStream(tmp.resolve(OPTIMIZER))) {
                    out.write(slots.encode());
                }
            }
            history.save(tmp.resolve(HISTORY));
            Properties props = new Properties();
            props.setProperty("step", Long.toString(step));
            props.setProperty("experiment", experiment.describe());
            identity.addTo(props);
            props.setProperty(LEARNING_RATES, learningRates);
            optimizer.counts().forEach((id, count) -> props.setProperty("count." + id, count.toString()));
            try (OutputStream out = Files.newOutputStream(tmp.resolve(PROPERTIES))) {
                props.store(out, "grokkit checkpoint");
            }
            CheckpointManifest.write(tmp);
            Path target = root.resolve(folder);
            if (Files.exists(target)) {
                remove(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Checkpoint(target, step, props);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    deleteTree(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot write checkpoint for step " + step + " in " + root, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The newest checkpoint in {@code root}, if any (each verified as {@link #all} does). */
    static Optional<Checkpoint> latest(Path root) {
        List<Checkpoint> all = all(root);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every checkpoint folder in {@code root}, oldest first, each verified against its manifest. */
    static List<Checkpoint> all(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Checkpoint> out = new ArrayList<>();
        for (Path dir : folders(root)) {
            CheckpointManifest.verify(dir);
            Properties props = properties(dir);
            long step = number(dir, props, "step");
            if (!dir.getFileName().toString().equals(String.format("%s%09d", PREFIX, step))) {
                throw damaged(dir, PROPERTIES, "says step " + step + ", not the folder's step");
            }
            out.add(new Checkpoint(dir, step, props));
        }
        return out;
    }

    /** Refuses this checkpoint unless {@code experiment} (of {@code identity}) wrote it. */
    void requireBelongsTo(Experiment experiment, ExperimentIdentity identity) {
        ExperimentIdentity saved;
        try {
            saved = ExperimentIdentity.from(props);
        } catch (IllegalArgumentException e) {
            throw damaged(dir, PROPERTIES, e.getMessage() + " (an identity every checkpoint records)");
        }
        String learningRates = props.getProperty(LEARNING_RATES);
        if (learningRates == null) {
            throw damaged(dir, PROPERTIES, "has no " + LEARNING_RATES + " (a digest every checkpoint records)");
        }
        List<String> differences = new ArrayList<>(saved.differencesFrom(identity));
        if (differences.isEmpty() && !ExperimentIdentity.learningRates(experiment, step).equals(learningRates)) {
            differences.add("learning rates: the schedule of " + experiment.optimizer().describe()
                    + " does not give the learning rates this checkpoint's run took in its " + step + " steps");
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("checkpoint " + dir + " belongs to another experiment:\n  "
                    + props.getProperty("experiment") + "\nnot\n  " + experiment.describe() + "\ndiffering in:\n  "
                    + String.join("\n  ", differences) + "\nresume it with that experiment, or use another"
                    + " checkpoint directory");
        }
    }

    void restoreModel(GrokModel model) {
        Path file = dir.resolve(MODEL);
        try {
            model.load(file);
        } catch (RuntimeException | OutOfMemoryError e) { // DJL's answers to malformed or hostile data
            throw damaged(dir, MODEL, "does not hold this model's parameters (" + e + ")");
        }
    }

    /**
     * Restores update counts and slot arrays (created in {@code manager}): every trainable
     * parameter of {@code model} must have been updated {@link #step} times and, if the rule keeps
     * slots, have each of its slots with the parameter's shape and type.
     */
    void restoreOptimizer(GrokOptimizer optimizer, GrokModel model, NDManager manager) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("count.")) {
                long count = number(dir, props, key);
                if (count != step) {
                    throw damaged(dir, PROPERTIES, "says " + key + "=" + count + ", but every parameter of a run"
                            + " at step " + step + " has " + step + " updates");
                }
                counts.put(key.substring("count.".length()), (int) count);
            }
        }
        Map<String, NamedParameter> parameters = new LinkedHashMap<>();
        model.trainableParameters().forEach(p -> parameters.put(p.name(), p));
        if (step > 0 && !counts.keySet().equals(parameters.keySet())) {
            throw damaged(dir, PROPERTIES, "has update counts for " + new TreeSet<>(counts.keySet())
                    + ", not for the model's parameters " + new TreeSet<>(parameters.keySet()));
        }
        Map<String, NDArray> slots = readSlots(manager);
        TreeSet<String> expected = new TreeSet<>();
        if (step > 0) {
            parameters.keySet().forEach(p -> optimizer.slotKinds().forEach(kind -> expected.add(p + "#" + kind)));
        }
        if (!expected.equals(new TreeSet<>(slots.keySet()))) {
            throw damaged(dir, OPTIMIZER, (Files.exists(dir.resolve(OPTIMIZER)) ? "holds the slots "
                    + new TreeSet<>(slots.keySet()) : "is missing: it holds the slots") + ", but the state of "
                    + optimizer.getClass().getSimpleName() + " after " + step + " steps has " + expected);
        }
        slots.forEach((key, array) -> {
            NDArray weight = parameters.get(key.substring(0, key.lastIndexOf('#'))).array();
            if (!array.getShape().equals(weight.getShape()) || array.getDataType() != weight.getDataType()) {
                throw damaged(dir, OPTIMIZER, "holds slot " + key + " as " + array.getDataType() + " "
                        + array.getShape() + ", but the parameter is " + weight.getDataType() + " " + weight.getShape());
            }
        });
        optimizer.restore(counts, slots);
    }

    private Map<String, NDArray> readSlots(NDManager manager) {
        Map<String, NDArray> slots = new LinkedHashMap<>();
        Path file = dir.resolve(OPTIMIZER);
        if (!Files.exists(file)) {
            return slots;
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (NDArray array : NDList.decode(manager, in)) {
                if (slots.put(String.valueOf(array.getName()), array) != null) {
                    throw damaged(dir, OPTIMIZER, "holds slot " + array.getName() + " twice");
                }
            }
            return slots;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) { // DJL's answers to malformed or hostile data
            throw damaged(dir, OPTIMIZER, "is not an optimizer state (" + e + ")");
        }
    }

    /** The history up to this step; its columns must be {@code columns}. */
    History history(List<String> columns) {
        Path file = dir.resolve(HISTORY);
        History history = History.load(file);
        if (!history.valueColumnNames().equals(columns)) {
            throw damaged(dir, HISTORY, "has the columns " + history.valueColumnNames() + ", but this run records "
                    + columns);
        }
        long[] steps = history.steps();
        if (steps.length > 0 && steps[steps.length - 1] > step) {
            throw damaged(dir, HISTORY, "has a row for step " + steps[steps.length - 1]
                    + ", after the checkpoint's step " + step);
        }
        return history;
    }

    void delete() {
        try {
            remove(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoint " + dir, e);
        }
    }

    /**
     * Renames a checkpoint folder to a temporary name, then deletes it: a kill part-way leaves a
     * temporary (deleted by the next save), never a checkpoint folder with files missing.
     */
    private static void remove(Path folder) throws IOException {
        Path doomed = folder.resolveSibling(folder.getFileName() + ".tmp-deleted");
        deleteTree(doomed);
        Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(doomed);
    }

    private static Properties properties(Path dir) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(PROPERTIES))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(PROPERTIES), e);
        } catch (IllegalArgumentException e) { // a malformed \\uXXXX escape
            throw damaged(dir, PROPERTIES, "is not a properties file (" + e.getMessage() + ")");
        }
        if (props.getProperty("step") == null || props.getProperty("experiment") == null) {
            throw damaged(dir, PROPERTIES, "is incomplete: step or experiment missing");
        }
        return props;
    }

    /** A property that must be a whole number in [0, Integer.MAX_VALUE] (steps and counts are ints). */
    private static long number(Path dir, Properties props, String key) {
        String value = props.getProperty(key);
        try {
            long n = Long.parseLong(value);
            if (n >= 0 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw damaged(dir, PROPERTIES, "has " + key + "='" + value + "', not a whole number in [0, "
                + Integer.MAX_VALUE + "]");
    }

    /** Checkpoint folders (not temporaries), oldest first. */
    private static List<Path> folders(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
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

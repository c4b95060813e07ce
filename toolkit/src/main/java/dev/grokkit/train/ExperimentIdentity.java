package dev.grokkit.train;

import dev.grokkit.data.Dataset;
import dev.grokkit.data.Examples;
import dev.grokkit.optim.AbstractOptimizerSpec;
import dev.grokkit.optim.Schedule;
import dev.grokkit.probe.Probe;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;

/**
 * What determines an experiment's history, component by component: the data (its examples'
 * SHA-256, not its name), model, optimizer, loss, batch, seed, precision, input noise and probes.
 * The step budget, name, log schedule, stop rules and listener are not part of it. The learning
 * rate schedule enters by its values: {@link #learningRates} digests the rates of the steps a
 * checkpoint has taken, so two lambdas are the same schedule for a checkpoint exactly when they
 * gave that run the same rates. A checkpoint records both; a run may use it only if they match.
 */
final class ExperimentIdentity {

    private static final String PREFIX = "identity.";
    private static final String PROBE_SEPARATOR = "; ";
    /** Values hashed per buffer, so a large dataset is digested without a copy of its bytes. */
    private static final int CHUNK = 1 << 16;
    /** Data digests by dataset instance (datasets are immutable; hashing a large one takes a while). */
    private static final Map<Dataset, String> DATA_DIGESTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The components, in the order {@link #of} records them. */
    private static final List<String> COMPONENTS = List.of("data", "model", "optimizer", "loss", "batch", "seed",
            "precision", "input noise", "probes");

    private final Map<String, String> components;

    private ExperimentIdentity(Map<String, String> components) {
        this.components = components;
    }

    static ExperimentIdentity of(Experiment e) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("data", e.data().name() + ", examples sha256 " + DATA_DIGESTS.computeIfAbsent(e.data(),
                ExperimentIdentity::digest));
        c.put("model", e.model().describe());
        c.put("optimizer", e.optimizer().describe());
        c.put("loss", e.loss().name());
        c.put("batch", e.batchSize() == 0 ? "full" : Integer.toString(e.batchSize()));
        c.put("seed", Long.toString(e.seed()));
        c.put("precision", e.dtype().name().toLowerCase());
        c.put("input noise", e.inputNoise().isNone() ? "none" : e.inputNoise().describe());
        List<String> probes = new ArrayList<>();
        for (Probe p : e.probes()) {
            probes.add(p.columns().equals(List.of(p.name())) ? p.name() : p.name() + " " + p.columns());
        }
        c.put("probes", String.join(PROBE_SEPARATOR, probes));
        return new ExperimentIdentity(c);
    }

    /** The identity a checkpoint recorded, or the components it lacks. */
    static ExperimentIdentity from(Properties props) {
        Map<String, String> c = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : COMPONENTS) {
            String value = props.getProperty(PREFIX + key);
            if (value == null) {
                missing.add(PREFIX + key);
            }
            c.put(key, value);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("has no " + String.join(", ", missing));
        }
        return new ExperimentIdentity(c);
    }

    void addTo(Properties props) {
        components.forEach((k, v) -> props.setProperty(PREFIX + k, v));
    }

    /**
     * What differs from {@code other} (this being the checkpoint's identity), one line per component,
     * e.g. "seed: checkpoint 3, this experiment 4"; empty if none.
     */
    List<String> differencesFrom(ExperimentIdentity experiment) {
        List<String> out = new ArrayList<>();
        for (String key : COMPONENTS) {
            String saved = components.get(key);
            String now = experiment.components.get(key);
            if (saved.equals(now)) {
                continue;
            }
            out.add(key.equals("probes") ? "probes: " + probeChange(saved, now)
                    : key + ": checkpoint " + saved + ", this experiment " + now);
        }
        return out;
    }

    /** "added X; removed Y" between two probe lists. */
    private static String probeChange(String saved, String now) {
        List<String> before = split(saved);
        List<String> after = split(now);
        List<String> parts = new ArrayList<>();
        List<String> added = after.stream().filter(p -> !before.contains(p)).toList();
        List<String> removed = before.stream().filter(p -> !after.contains(p)).toList();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        if (parts.isEmpty()) {
            parts.add("reordered");
        }
        return String.join("; ", parts) + " (checkpoint [" + saved + "], this experiment [" + now
                + "]; a resumed run must record the columns it recorded before)";
    }

    private static List<String> split(String probes) {
        return probes.isEmpty() ? List.of() : List.of(probes.split(PROBE_SEPARATOR));
    }

    /**
     * The SHA-256 of the learning rates the experiment's schedule gives at steps 0 .. steps - 1,
     * or a note that its optimizer spec does not expose a schedule (then its description decides).
     */
    static String learningRates(Experiment e, long steps) {
        if (!(e.optimizer() instanceof AbstractOptimizerSpec<?> spec)) {
            return "no schedule exposed by " + e.optimizer().getClass().getName();
        }
        Schedule schedule = spec.schedule();
        MessageDigest digest = Digests.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);
        for (long step = 0; step < steps; step++) {
            if (!buffer.hasRemaining()) {
                digest.update(buffer.flip());
                buffer.clear();
            }
            buffer.putDouble(schedule.at(step));
        }
        digest.update(buffer.flip());
        return Digests.hex(digest);
    }

    /** SHA-256 of both splits: shapes, kinds, class counts, inputs and labels. */
    private static String digest(Dataset data) {
        MessageDigest digest = Digests.sha256();
        for (Examples split : List.of(data.train(), data.test())) {
            ByteBuffer header = ByteBuffer.allocate(64).putInt(split.size()).putInt(split.numClasses())
                    .putInt(split.vocabularySize()).put((byte) (split.isTokens() ? 1 : 0));
            digest.update(header.flip());
            digest.update(split.exampleShape().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (split.isTokens()) {
                update(digest, split.tokens());
            } else {
                float[] features = split.features();
                ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK);
                for (int from = 0; from < features.length; from += CHUNK) {
                    chunk.clear();
                    chunk.asFloatBuffer().put(features, from, Math.min(CHUNK, features.length - from));
                    digest.update(chunk.limit(4 * Math.min(CHUNK, features.length - from)));
                }
            }
            update(digest, split.labels());
        }
        return Digests.hex(digest);
    }

    private static void update(MessageDigest digest, int[] values) {
        ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK);
        for (int from = 0; from < values.length; from += CHUNK) {
            chunk.clear();
            chunk.asIntBuffer().put(values, from, Math.min(CHUNK, values.length - from));
            digest.update(chunk.limit(4 * Math.min(CHUNK, values.length - from)));
        }
    }
}

package dev.grokkit.ensemble;

import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * K experiments that differ only in seed and data split, trained as one computation: each
 * member's model is built exactly as its lone run builds it, its trainable parameters stacked
 * along a new leading axis, and every step updates all members with batched products and one
 * elementwise optimizer update; members whose stacked activations would leave the cache are split
 * into several such stacks, which one worker per thread steps at the same time ({@link StackPlan}). Each member's history is the one
 * its lone run records, to float round-off (batched products may sum in another order): rows,
 * probes and stop rules are a lone run's, on the member's own model.
 *
 * <pre>
 *   List&lt;Run&gt; runs = Ensemble.of(List.of(0L, 1L, 2L), seed -&gt; experiment(seed)).run();
 * </pre>
 *
 * <p>What may differ between members, what must not, and why: {@link MemberCheck}. Ensembles
 * train full batches and show no progress display. A member with a checkpoint directory writes
 * the checkpoints its lone run writes, in the lone-run format, so {@link #runOrResume()} (or the
 * member's own {@link Experiment#runOrResume()}) continues it after a kill exactly as the
 * uninterrupted run (float64: bit for bit, tested).
 *
 * <p>Native memory stays flat in long runs. It did not: in runs of 16 members on x+y mod 59 the
 * resident set rose by gigabytes within seconds (past 3 GB 37-149 s into training, in 3 of 3 runs
 * on a loaded machine) while glibc's count of memory in use stayed about 0.2 GB: the growth was
 * memory malloc kept free but could not reuse. The fused AdamW call left its small native argument
 * block, and a member copy a direct buffer, to the garbage collector, so hundreds of steps' blocks
 * were alive between collections, scattered (as far as measured) through the space the step's large
 * temporaries (16 x 1392 x 256 floats, 23 MB) had freed, where the next step's no longer fit. Both
 * are now freed at once, and 3 runs stayed flat (1,250-1,750 steps, malloc heap 0.3-0.4 GB);
 * {@code EnsembleMemory} in the bench module prints a run's resident set and malloc heap.
 */
public final class Ensemble {

    private final List<Experiment> members;

    private Ensemble(List<Experiment> members) {
        MemberCheck.check(members);
        this.members = List.copyOf(members);
    }

    /** The ensemble of these experiments, in this order. */
    public static Ensemble of(List<Experiment> members) {
        return new Ensemble(new ArrayList<>(Objects.requireNonNull(members, "members")));
    }

    /** One member per point (e.g. per seed), {@code experiments.apply(point)} for each. */
    public static <P> Ensemble of(List<P> points, Function<P, Experiment> experiments) {
        Objects.requireNonNull(experiments, "experiments");
        List<Experiment> members = new ArrayList<>();
        for (P point : Objects.requireNonNull(points, "points")) {
            Experiment e = experiments.apply(point);
            if (e == null) {
                throw new IllegalArgumentException("the experiments function returned null for " + point);
            }
            members.add(e);
        }
        return new Ensemble(members);
    }

    /**
     * What {@code experiment} must share with the other members of an ensemble, or empty if it cannot
     * be a member (see {@link MemberCheck}): experiments with equal keys can be trained as one
     * ensemble, e.g. by a {@link dev.grokkit.train.Sweep} over seeds.
     */
    public static Optional<Object> stackingKey(Experiment experiment) {
        return MemberCheck.key(Objects.requireNonNull(experiment, "experiment")).map(key -> key);
    }

    public List<Experiment> members() {
        return members;
    }

    /**
     * Trains all members; one run per member, in order, each holding its model and history as
     * a lone run would (close them to free their native memory). A run's seconds are the
     * ensemble's.
     */
    public List<Run> run() {
        return new EnsembleTraining(members, false).run();
    }

    /**
     * Resumes each member from the latest checkpoint in its checkpoint directory, or trains it from
     * scratch if it has none (every member needs a checkpoint directory): the call to repeat after
     * a kill. A member whose run had ended is returned at once; members resuming from the same step
     * train together, as do those starting from scratch.
     */
    public List<Run> runOrResume() {
        for (Experiment e : members) {
            if (e.checkpointDir() == null) {
                throw new IllegalStateException("runOrResume needs a checkpoint directory for every member; member '"
                        + e.name() + "' (seed " + e.seed() + ") has none: set checkpoints(dir, every)");
            }
        }
        return new EnsembleTraining(members, true).run();
    }
}

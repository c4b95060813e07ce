package dev.grokkit.ensemble;

import dev.grokkit.data.Examples;
import dev.grokkit.model.ModelLoss;
import dev.grokkit.optim.AdamOptimizer;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.optim.LionOptimizer;
import dev.grokkit.optim.SgdOptimizer;
import dev.grokkit.train.Experiment;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What makes experiments trainable as one stacked computation: the same model, optimizer, loss,
 * precision, step budget and training-set size (what the stacked step computes with); full
 * batches; an elementwise optimizer; nothing drawn at random during an update. Members may
 * differ in name, seed (initialization), data split, probes, log schedule and stop rules, which
 * act on each member's own model and history.
 */
final class MemberCheck {

    private MemberCheck() {}

    /** Refuses the first member setting that cannot be stacked, naming the member and the setting. */
    static void check(List<Experiment> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one experiment, got none");
        }
        for (int k = 0; k < members.size(); k++) {
            Objects.requireNonNull(members.get(k), "experiment of ensemble member " + k + " is null");
        }
        Experiment first = members.get(0);
        checkAlone(first);
        for (int k = 1; k < members.size(); k++) {
            Experiment member = members.get(k);
            same(first, member, k, "model", e -> e.model().describe());
            same(first, member, k, "optimizer", e -> e.optimizer().describe());
            same(first, member, k, "loss", e -> e.loss().name());
            same(first, member, k, "precision", Experiment::dtype);
            same(first, member, k, "steps", Experiment::steps);
            same(first, member, k, "training-set size", e -> e.data().train().size());
            same(first, member, k, "input shape", e -> e.data().train().exampleShape());
            same(first, member, k, "input kind", e -> inputKind(e.data().train()));
            same(first, member, k, "class count", e -> e.data().train().numClasses());
            checkAlone(member);
        }
    }

    /** The settings each member must have by itself. */
    private static void checkAlone(Experiment e) {
        String who = "ensemble member '" + e.name() + "' (seed " + e.seed() + ")";
        if (e.batchSize() != 0) {
            throw new IllegalArgumentException(who + ": batch size " + e.batchSize()
                    + "; ensembles train full batches only (set fullBatch())");
        }
        if (!e.inputNoise().isNone()) {
            throw new IllegalArgumentException(who + ": input noise (" + e.inputNoise().describe()
                    + ") is drawn per run; ensembles train without it");
        }
        if (e.loss() instanceof ModelLoss) {
            throw new IllegalArgumentException(who + ": the model loss " + e.loss().name()
                    + " runs its own forward passes of one model; ensembles need a loss on logits");
        }
        if (e.checkpointDir() != null) {
            throw new IllegalArgumentException(who + ": checkpoints (" + e.checkpointDir()
                    + ") are not written by ensembles; train it alone to checkpoint it");
        }
        GrokOptimizer optimizer = e.optimizer().build();
        if (!(optimizer instanceof AdamOptimizer || optimizer instanceof SgdOptimizer
                || optimizer instanceof LionOptimizer)) {
            throw new IllegalArgumentException(who + ": optimizer " + e.optimizer().describe()
                    + " is not elementwise or draws random numbers per run (stacked, its draws would be shared);"
                    + " ensembles take Adam, AdamW, SGD, Lion and TanhLion");
        }
    }

    private static String inputKind(Examples examples) {
        return examples.isTokens() ? "tokens (vocabulary " + examples.vocabularySize() + ")" : "features";
    }

    private static void same(Experiment first, Experiment member, int k, String setting,
            Function<Experiment, Object> value) {
        Object a = value.apply(first);
        Object b = value.apply(member);
        if (!a.equals(b)) {
            throw new IllegalArgumentException("ensemble member " + k + " '" + member.name() + "' (seed "
                    + member.seed() + ") has " + setting + " " + b + ", member 0 '" + first.name() + "' (seed "
                    + first.seed() + ") has " + a + "; members may differ only in name, seed, data split,"
                    + " probes, log schedule and stop rules");
        }
    }
}

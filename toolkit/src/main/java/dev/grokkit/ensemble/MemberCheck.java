package dev.grokkit.ensemble;

import dev.grokkit.data.Examples;
import dev.grokkit.model.ModelLoss;
import dev.grokkit.optim.AdamOptimizer;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.optim.LionOptimizer;
import dev.grokkit.optim.SgdOptimizer;
import dev.grokkit.train.Experiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes experiments trainable as one stacked computation: the same model, optimizer, loss,
 * precision, step budget and training-set size (what the stacked step computes with); full
 * batches; an elementwise optimizer; nothing drawn at random during an update. Members may
 * differ in name, seed (initialization), data split, probes, log schedule and stop rules, which
 * act on each member's own model and history.
 */
final class MemberCheck {

    /** What every member must share with member 0, by name: what the stacked step computes with. */
    private static final Map<String, Function<Experiment, Object>> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("model", e -> e.model().describe());
        SHARED.put("optimizer", e -> e.optimizer().describe());
        SHARED.put("loss", e -> e.loss().name());
        SHARED.put("precision", Experiment::dtype);
        SHARED.put("steps", Experiment::steps);
        SHARED.put("training-set size", e -> e.data().train().size());
        SHARED.put("input shape", e -> e.data().train().exampleShape());
        SHARED.put("input kind", e -> inputKind(e.data().train()));
        SHARED.put("class count", e -> e.data().train().numClasses());
    }

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
            for (Map.Entry<String, Function<Experiment, Object>> setting : SHARED.entrySet()) {
                same(first, member, k, setting.getKey(), setting.getValue());
            }
            checkAlone(member);
        }
    }

    /**
     * The settings {@code e} can share with other members, or empty if it cannot be a member at
     * all: experiments with equal keys may be trained as one ensemble.
     */
    static Optional<List<Object>> key(Experiment e) {
        try {
            checkAlone(e);
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
        if (!StackedModel.hasStackedForm(e.model())) {
            return Optional.empty();
        }
        List<Object> key = new ArrayList<>();
        SHARED.values().forEach(setting -> key.add(setting.apply(e)));
        return Optional.of(key);
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

package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.optim.GrokOptimizer;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loop behind {@link Ensemble#run()}, a lone run's loop for K members at once: at every step,
 * each member still going records its row when its own log schedule says so (or at the last
 * step) and ends if one of its stop rules fires; each writes its checkpoint when due; then one
 * {@link StackedStep} updates all members. An ended member's slice keeps training, unused: its
 * model and history stay at the row where it ended. An interrupt ends every member after the
 * current step, with a row for it.
 *
 * <p>Resumed, each member starts from its own latest checkpoint: a member whose checkpoint ends
 * its run is returned as it is, and the others train stacked with the members that resume from
 * the same step (one stack per distinct step, in order of step; all members of a stack have made
 * the same updates, so they share update counts and the learning rate).
 */
final class EnsembleTraining {

    private final List<Experiment> experiments;
    private final boolean resume;

    EnsembleTraining(List<Experiment> experiments, boolean resume) {
        this.experiments = experiments;
        this.resume = resume;
    }

    List<Run> run() {
        List<Member> members = new ArrayList<>();
        try (NDManager shared = Grokkit.engine().newBaseManager()) {
            for (Experiment e : experiments) {
                members.add(new Member(e, resume));
            }
            Map<Long, List<Member>> stacks = new TreeMap<>();
            members.stream().filter(m -> !m.ended())
                    .forEach(m -> stacks.computeIfAbsent(m.startStep(), s -> new ArrayList<>()).add(m));
            long startNanos = System.nanoTime();
            // evaluation and probes without recording, as a lone run's; the caller's mode is restored
            Autograd.notRecording(() -> {
                for (Map.Entry<Long, List<Member>> stack : stacks.entrySet()) {
                    try (NDManager manager = shared.newSubManager()) {
                        train(stack.getValue(), stack.getKey(), manager);
                    }
                }
                return null;
            });
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            List<Run> runs = new ArrayList<>();
            for (Member m : members) {
                runs.add(m.finish(seconds));
            }
            return runs;
        } catch (RuntimeException | Error e) {
            members.forEach(Member::abandon);
            throw e;
        }
    }

    /** Trains {@code members}, each at step {@code start}, as one stack until every one has ended. */
    private void train(List<Member> members, long start, NDManager manager) {
        StackedModel stacked = StackedModel.stack(members.stream().map(m -> m.model).toList(), manager);
        NDArray x = stackedData(members.stream().map(m -> m.trainX).toList(), manager);
        NDArray y = stackedData(members.stream().map(m -> m.trainY).toList(), manager);
        GrokOptimizer optimizer = experiments.get(0).optimizer().build();
        StackedOptimizerState.stack(members.stream().map(m -> m.optimizer).toList(), optimizer);
        StackedStep step = new StackedStep(stacked, optimizer, experiments.get(0).loss());
        long total = experiments.get(0).steps();
        for (long t = start; ; t++) {
            for (int k = 0; k < members.size(); k++) {
                Member m = members.get(k);
                if (!m.ended() && m.rowDueAt(t)) {
                    int member = k;
                    long at = t;
                    m.record(stacked, k, t).ifPresent(reason -> m.end(reason + " at step " + at, stacked, optimizer,
                            member, at));
                }
            }
            if (t == total) {
                for (int k = 0; k < members.size(); k++) {
                    if (!members.get(k).ended()) {
                        members.get(k).end("completed " + total + " steps", stacked, optimizer, k, t);
                    }
                }
                return;
            }
            if (members.stream().allMatch(Member::ended)) {
                return;
            }
            for (int k = 0; k < members.size(); k++) {
                if (!members.get(k).ended()) {
                    members.get(k).checkpointIfDue(stacked, optimizer, k, t);
                }
            }
            if (Thread.interrupted()) {
                for (int k = 0; k < members.size(); k++) {
                    Member m = members.get(k);
                    if (!m.ended()) {
                        if (!m.loggedAt(t)) {
                            m.record(stacked, k, t); // as a lone run: the interrupt is the reason
                        }
                        m.end("interrupted at step " + t, stacked, optimizer, k, t);
                    }
                }
                return;
            }
            step.run(x, y);
        }
    }

    private static NDArray stackedData(List<NDArray> parts, NDManager manager) {
        NDArray stacked = NDArrays.stack(new NDList(parts));
        stacked.attach(manager);
        return stacked;
    }
}

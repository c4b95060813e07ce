package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.train.Experiment;
import dev.grokkit.train.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * The loop behind {@link Ensemble#run()}, a lone run's loop for K members at once: at every step,
 * each member still going records its row when its own log schedule says so (or at the last
 * step) and ends if one of its stop rules fires; then one {@link StackedStep} updates all
 * members. An ended member's slice keeps training, unused: its model and history stay at the row
 * where it ended. An interrupt ends every member after the current step, with a row for it.
 */
final class EnsembleTraining {

    private final List<Experiment> experiments;

    EnsembleTraining(List<Experiment> experiments) {
        this.experiments = experiments;
    }

    List<Run> run() {
        List<Member> members = new ArrayList<>();
        try (NDManager shared = Grokkit.engine().newBaseManager()) {
            for (Experiment e : experiments) {
                members.add(new Member(e));
            }
            long startNanos = System.nanoTime();
            // evaluation and probes without recording, as a lone run's; the caller's mode is restored
            Autograd.notRecording(() -> {
                train(members, shared);
                return null;
            });
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            List<Run> runs = new ArrayList<>();
            for (Member m : members) {
                runs.add(m.finish(seconds));
            }
            return runs;
        } catch (RuntimeException | Error e) {
            members.forEach(m -> m.manager.close());
            throw e;
        }
    }

    private void train(List<Member> members, NDManager shared) {
        StackedModel stacked = StackedModel.stack(members.stream().map(m -> m.model).toList(), shared);
        NDArray x = stackedData(members.stream().map(m -> m.trainX).toList(), shared);
        NDArray y = stackedData(members.stream().map(m -> m.trainY).toList(), shared);
        StackedStep step = new StackedStep(stacked, experiments.get(0).optimizer().build(),
                experiments.get(0).loss());
        long total = experiments.get(0).steps();
        for (long t = 0; ; t++) {
            for (int k = 0; k < members.size(); k++) {
                Member m = members.get(k);
                if (!m.ended() && m.experiment.logsAt(t)) {
                    m.record(stacked, k, t);
                }
            }
            if (t == total) {
                for (Member m : members) {
                    if (!m.ended()) {
                        m.end("completed " + total + " steps", t);
                    }
                }
                return;
            }
            if (members.stream().allMatch(Member::ended)) {
                return;
            }
            if (Thread.interrupted()) {
                for (int k = 0; k < members.size(); k++) {
                    Member m = members.get(k);
                    if (!m.ended()) {
                        if (!m.loggedAt(t)) {
                            m.record(stacked, k, t);
                        }
                        m.end("interrupted at step " + t, t);
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

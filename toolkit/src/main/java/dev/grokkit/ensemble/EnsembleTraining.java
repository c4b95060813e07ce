package dev.grokkit.ensemble;

import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
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
 * {@link MemberStack} per stack updates its members, the stacks laid out and stepped as a
 * {@link StackPlan} says. An ended member's slice keeps training, unused, until its whole stack
 * has ended: its model and history stay at the row where it ended. An interrupt ends every member
 * after the current step, with a row for it.
 *
 * <p>Resumed, each member starts from its own latest checkpoint: a member whose checkpoint ends
 * its run is returned as it is, and the others train with the members that resume from the same
 * step (one group per distinct step, in order of step, each in its stacks; all members of a stack
 * have made the same updates, so they share update counts and the learning rate).
 */
final class EnsembleTraining {

    private final List<Experiment> experiments;
    private final boolean resume;
    /** How the members are stacked and stepped, or null for {@link StackPlan#of}'s plan. */
    private final StackPlan plan;

    EnsembleTraining(List<Experiment> experiments, boolean resume) {
        this(experiments, resume, null);
    }

    /** With the members stacked and stepped as {@code plan} says (null: {@link StackPlan#of}), as the tests set it. */
    EnsembleTraining(List<Experiment> experiments, boolean resume, StackPlan plan) {
        this.experiments = experiments;
        this.resume = resume;
        this.plan = plan;
    }

    List<Run> run() {
        List<Member> members = new ArrayList<>();
        try (NDManager shared = Grokkit.engine().newBaseManager()) {
            for (Experiment e : experiments) {
                members.add(new Member(e, resume));
            }
            Map<Long, List<Member>> groups = new TreeMap<>();
            members.stream().filter(m -> !m.ended())
                    .forEach(m -> groups.computeIfAbsent(m.startStep(), s -> new ArrayList<>()).add(m));
            long startNanos = System.nanoTime();
            // evaluation and probes without recording, as a lone run's; the caller's mode is restored
            Autograd.notRecording(() -> {
                for (Map.Entry<Long, List<Member>> group : groups.entrySet()) {
                    try (NDManager manager = shared.newSubManager()) {
                        train(group.getValue(), group.getKey(), manager);
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

    /**
     * Trains {@code members}, each at step {@code start}, until every one has ended: in the stacks
     * of the plan, stepped by its workers.
     */
    private void train(List<Member> members, long start, NDManager manager) {
        StackPlan layout = plan != null ? plan
                : StackPlan.of(members.stream().map(m -> m.model).toList(), members.get(0).trainY.getShape().get(0));
        List<Stack> stacks = layout.stacks(members).stream().map(group -> new Stack(group, manager)).toList();
        long total = experiments.get(0).steps();
        try (StackRunner runner = new StackRunner(layout)) {
            for (long t = start; ; t++) {
                for (Stack s : stacks) {
                    s.recordDueRows(t);
                }
                if (t == total) {
                    for (Stack s : stacks) {
                        s.endAll("completed " + total + " steps", t);
                    }
                    return;
                }
                if (members.stream().allMatch(Member::ended)) {
                    return;
                }
                for (Stack s : stacks) {
                    s.checkpointIfDue(t);
                }
                if (Thread.interrupted()) {
                    for (Stack s : stacks) {
                        s.endOnInterrupt(t);
                    }
                    return;
                }
                runner.runAll(stacks.stream().filter(Stack::training).map(s -> (Runnable) s.computation::step).toList());
            }
        }
    }

    /** The members of one {@link MemberStack}, in its order, and what each records and saves from it. */
    private final class Stack {

        private final List<Member> members;
        private final MemberStack computation;

        Stack(List<Member> members, NDManager manager) {
            this.members = members;
            computation = new MemberStack(members.stream().map(m -> m.model).toList(),
                    members.stream().map(m -> m.optimizer).toList(), members.stream().map(m -> m.trainX).toList(),
                    members.stream().map(m -> m.trainY).toList(), experiments.get(0).optimizer(),
                    experiments.get(0).loss(), manager);
        }

        /** Each member still going records its row if due at {@code t}, and ends if a stop rule fires. */
        void recordDueRows(long t) {
            for (int k = 0; k < members.size(); k++) {
                Member m = members.get(k);
                if (!m.ended() && m.rowDueAt(t)) {
                    int member = k;
                    m.record(computation, k, t).ifPresent(reason -> m.end(reason + " at step " + t, computation,
                            member, t));
                }
            }
        }

        void endAll(String reason, long t) {
            for (int k = 0; k < members.size(); k++) {
                if (!members.get(k).ended()) {
                    members.get(k).end(reason, computation, k, t);
                }
            }
        }

        void checkpointIfDue(long t) {
            for (int k = 0; k < members.size(); k++) {
                if (!members.get(k).ended()) {
                    members.get(k).checkpointIfDue(computation, k, t);
                }
            }
        }

        /** As a lone run ends on an interrupt: a row for the step if it has none, then the end. */
        void endOnInterrupt(long t) {
            for (int k = 0; k < members.size(); k++) {
                Member m = members.get(k);
                if (!m.ended()) {
                    if (!m.loggedAt(t)) {
                        m.record(computation, k, t); // as a lone run: the interrupt is the reason
                    }
                    m.end("interrupted at step " + t, computation, k, t);
                }
            }
        }

        /** Whether a member still trains (an ended member's slice trains on with the others, unused). */
        boolean training() {
            return !members.stream().allMatch(Member::ended);
        }

    }
}

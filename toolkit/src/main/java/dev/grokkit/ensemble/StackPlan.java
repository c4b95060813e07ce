package dev.grokkit.ensemble;

import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.NamedParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * How an ensemble's step is laid out: its members in stacks of {@code membersPerStack} (each one
 * stacked computation), the stacks shared out among {@code workers} threads that step their
 * stacks at the same time, each with {@code threadsPerWorker} intra-op threads.
 *
 * <p>Two measured effects decide it. A stack's activations grow with its size, and once they leave
 * the cache every elementwise pass over them runs at memory speed; stacking saves the cost per
 * operation. And on a small machine independent workers on one thread each beat one stack on all
 * threads, whose every operation wakes and waits for the other threads. So there is one worker
 * per thread, each on one thread, and members are stacked while a stack's widest activation
 * (members x examples x widest layer values) stays within 2 MiB, as long as every worker gets a
 * stack.
 *
 * <p>Measured (AMD EPYC, 1 MiB L2 per core, 32 MiB L3; full-batch AdamW steps of 16 embedding MLPs,
 * medians; at one thread pinned to a core):
 * <ul>
 *   <li>x+y mod 31 (480 examples, hidden 64: 0.12 MB per member), one thread: stacks of 16 took
 *       5.0-5.9 ms, of 4 8.2-8.7 ms, of 1 12.5-13.7 ms. Two threads: one stack of 16 on both
 *       6.2-7.2 ms, two workers with a stack of 8 each 4.7-5.3 ms;
 *   <li>x+y mod 59 (1,392 examples, hidden 256: 1.4 MB per member), one thread: stacks of 16
 *       63-66 ms, of 1 48-55 ms. Two threads: one stack of 16 on both 39-47 ms, two workers with
 *       stacks of 1 32-33 ms (both with another process busy);
 *   <li>x+y mod 97 (3,763 examples, hidden 512: 7.7 MB per member), one thread: stacks of 16 556
 *       ms, of 1 321 ms. Two threads: stacks of 16 on both 342-354 ms, of 4 207-344 ms, two
 *       workers with stacks of 1 306-330 ms (machine busy).
 * </ul>
 */
public record StackPlan(int workers, int threadsPerWorker, int membersPerStack) {

    /** The widest activation of a stack stepped on one thread, in bytes. */
    static final long ONE_THREAD_BUDGET = 2L << 20;
    /** The widest activation of a stack stepped on several threads (a lone member's plan), in bytes. */
    static final long THREADS_BUDGET = 32L << 20;

    public StackPlan {
        if (workers < 1 || threadsPerWorker < 1 || membersPerStack < 1) {
            throw new IllegalArgumentException("a stack plan needs at least one worker, thread and member per stack, had "
                    + workers + ", " + threadsPerWorker + " and " + membersPerStack);
        }
    }

    /**
     * The plan for {@code members} of one architecture, each training on {@code examples}
     * examples per step, on the calling thread's intra-op threads ({@link Grokkit#threadsOnThisThread()}).
     */
    public static StackPlan of(List<GrokModel> members, long examples) {
        GrokModel first = members.get(0);
        long widest = first.trainableParameters().stream().mapToLong(StackPlan::widestAxis).max().orElse(1);
        return forActivation(members.size(), examples * widest * first.dtype().getNumOfBytes(),
                Grokkit.threadsOnThisThread());
    }

    /** The plan when one member's widest activation takes {@code memberBytes} bytes, on {@code threads} threads. */
    static StackPlan forActivation(int members, long memberBytes, int threads) {
        int workers = Math.min(threads, members);
        int threadsPerWorker = Math.max(1, threads / workers);
        long budget = threadsPerWorker == 1 ? ONE_THREAD_BUDGET : THREADS_BUDGET;
        int everyWorkerAStack = (members + workers - 1) / workers;
        long fit = Math.max(1, budget / Math.max(1, memberBytes));
        return new StackPlan(workers, threadsPerWorker, (int) Math.min(fit, everyWorkerAStack));
    }

    /** {@code members} cut into consecutive stacks of {@link #membersPerStack} (the last may hold fewer). */
    public <T> List<List<T>> stacks(List<T> members) {
        List<List<T>> stacks = new ArrayList<>();
        for (int from = 0; from < members.size(); from += membersPerStack) {
            stacks.add(members.subList(from, Math.min(members.size(), from + membersPerStack)));
        }
        return stacks;
    }

    /** A layer's width: the largest axis of its parameter (a dense weight's out or in, an embedding's row length or count). */
    private static long widestAxis(NamedParameter p) {
        long widest = 1;
        for (long axis : p.shape().getShape()) {
            widest = Math.max(widest, axis);
        }
        return widest;
    }
}

package dev.grokkit.ensemble;

import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.NamedParameter;
import java.util.List;

/**
 * How many members one stacked computation holds. Stacking saves the per-operation cost K - 1
 * times, but a stack's activations grow with K, and once they leave the cache every elementwise
 * pass over them runs at memory speed. So members are stacked while the stack's widest
 * activation, K x n x (widest layer) values, stays within a budget, and the rest in further
 * stacks of that size, stepped one after another.
 *
 * <p>The budgets are measured (AMD EPYC, 1 MiB L2 per core, 32 MiB L3; full-batch AdamW steps of
 * 16 embedding MLPs, 1 thread pinned, medians):
 * <ul>
 *   <li>x+y mod 31 (480 examples, hidden 64: 0.12 MB per member): stacks of 16 took 5.0-5.9 ms,
 *       of 4 8.2-8.7 ms, of 1 12.5-13.7 ms;
 *   <li>x+y mod 59 (1,392 examples, hidden 256: 1.4 MB per member): stacks of 16 took 63-66 ms,
 *       of 1 48-55 ms; at 2 threads stacks of 16 39-46 ms, of 2 51-54 ms;
 *   <li>x+y mod 97 (3,763 examples, hidden 512: 7.7 MB per member): at 1 thread stacks of 16
 *       took 556 ms, of 1 321 ms; at 2 threads 342-354 ms, of 4 207-344 ms, of 1 240-251 ms.
 * </ul>
 * At one thread the best stack holds about 2 MiB (the two cores' L2); at more threads, whose
 * parallel regions cost more per operation, about 32 MiB (the L3).
 */
public final class StackSize {

    /** The widest activation of one stack at one thread, in bytes. */
    static final long ONE_THREAD_BUDGET = 2L << 20;
    /** The widest activation of one stack at two or more threads, in bytes. */
    static final long THREADS_BUDGET = 32L << 20;

    private StackSize() {}

    /**
     * Members per stack for {@code members} of one architecture, each training on {@code examples}
     * examples per step, at the calling thread's intra-op threads ({@link Grokkit#threadsOnThisThread()}).
     */
    public static int of(List<GrokModel> members, long examples) {
        GrokModel first = members.get(0);
        long widest = first.trainableParameters().stream().mapToLong(StackSize::widestAxis).max().orElse(1);
        return forActivation(members.size(), examples * widest * first.dtype().getNumOfBytes(),
                Grokkit.threadsOnThisThread());
    }

    /** Members per stack when one member's widest activation takes {@code memberBytes} bytes: within the budget, at least 1, at most all. */
    static int forActivation(int members, long memberBytes, int threads) {
        long budget = threads == 1 ? ONE_THREAD_BUDGET : THREADS_BUDGET;
        return (int) Math.max(1, Math.min(members, budget / Math.max(1, memberBytes)));
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

package dev.grokkit.ensemble;

import dev.grokkit.engine.Grokkit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steps an ensemble's stacks as a {@link StackPlan} lays them out: stack i on worker i mod W, the
 * workers at the same time, each on its own thread with the plan's intra-op threads; with one
 * worker, on the calling thread. The stacks' members are independent and an update draws nothing
 * at random, so which thread steps a stack changes nothing in what it computes.
 */
public final class StackRunner implements AutoCloseable {

    private final int workers;
    /** The worker threads, or null when the calling thread steps every stack. */
    private final ExecutorService pool;

    public StackRunner(StackPlan plan) {
        workers = plan.workers();
        if (workers == 1) {
            pool = null;
        } else {
            Grokkit.engine(); // loads the native library before a worker sets its thread count
            AtomicInteger count = new AtomicInteger();
            pool = Executors.newFixedThreadPool(workers, body -> {
                Thread t = new Thread(() -> {
                    // a per-thread setting in libtorch's OpenMP backend
                    Grokkit.useThreadsOnThisThread(plan.threadsPerWorker());
                    body.run();
                }, "grokkit-ensemble-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /**
     * Runs every step, step i on worker i mod W, and returns once all have finished. A step that
     * throws ends its worker's share; the exception reaches the caller once every worker has
     * stopped, so none still uses the stacks' arrays. An interrupt while waiting does not cut a
     * step short: it is kept for the caller to see once all have finished.
     */
    public void runAll(List<Runnable> steps) {
        if (pool == null) {
            steps.forEach(Runnable::run);
            return;
        }
        int callerThreads = Grokkit.threadsOnThisThread();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            List<Runnable> mine = new ArrayList<>();
            for (int i = w; i < steps.size(); i += workers) {
                mine.add(steps.get(i));
            }
            running.add(pool.submit(() -> mine.forEach(Runnable::run)));
        }
        boolean interrupted = false;
        Throwable failure = null;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    break;
                }
            }
        }
        // the workers' share became what new threads start with (Grokkit.useThreadsOnThisThread)
        Grokkit.useThreadsOnThisThread(callerThreads);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("an ensemble worker failed", failure);
        }
    }

    /** Ends the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

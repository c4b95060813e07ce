package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grokkit.engine.Grokkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stacks stepped by a plan's workers: each on its worker, all finished before runAll returns, failures and interrupts kept. */
class StackRunnerTest {

    @Test
    void stackIGoesToWorkerIModWAndAllRunAtOnce() throws InterruptedException {
        Map<Integer, String> threadOf = new ConcurrentHashMap<>();
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Runnable> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int stack = i;
            steps.add(() -> {
                threadOf.put(stack, Thread.currentThread().getName());
                bothStarted.countDown();
                try { // the first stack of each worker waits for the other worker's: they run at the same time
                    assertTrue(bothStarted.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try (StackRunner runner = new StackRunner(new StackPlan(2, 1, 1))) {
            runner.runAll(steps);
        }
        assertEquals(5, threadOf.size());
        assertEquals(threadOf.get(0), threadOf.get(2));
        assertEquals(threadOf.get(0), threadOf.get(4));
        assertEquals(threadOf.get(1), threadOf.get(3));
        assertNotEquals(threadOf.get(0), threadOf.get(1));
        assertFalse(threadOf.containsValue(Thread.currentThread().getName()));
    }

    /** libtorch starts a new thread with the count last set anywhere: a worker's share must not become it. */
    @Test
    void aThreadStartedAfterTheWorkersGetsTheCallersThreads() throws InterruptedException {
        assumeTrue(Grokkit.threads() > 1, "needs a machine with 2 or more processors");
        Grokkit.useThreadsOnThisThread(2);
        AtomicInteger workerThreads = new AtomicInteger();
        try (StackRunner runner = new StackRunner(new StackPlan(2, 1, 1))) {
            runner.runAll(List.of(() -> workerThreads.set(Grokkit.threadsOnThisThread()), () -> { }));
        }
        assertEquals(1, workerThreads.get(), "a worker's own count");
        assertEquals(2, threadsOfANewThread());
    }

    static int threadsOfANewThread() throws InterruptedException {
        AtomicInteger threads = new AtomicInteger();
        Thread fresh = new Thread(() -> threads.set(Grokkit.threadsOnThisThread()));
        fresh.start();
        fresh.join();
        return threads.get();
    }

    @Test
    void oneWorkerStepsOnTheCallingThread() {
        List<String> threads = new ArrayList<>();
        try (StackRunner runner = new StackRunner(new StackPlan(1, 2, 4))) {
            runner.runAll(List.of(() -> threads.add(Thread.currentThread().getName()),
                    () -> threads.add(Thread.currentThread().getName())));
        }
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), threads);
    }

    /** No worker still touches the stacks' arrays when the failure reaches the caller (who then frees them). */
    @Test
    void aFailingStackIsRethrownOnceEveryWorkerHasStopped() {
        IllegalStateException failure = new IllegalStateException("stack 0 failed");
        AtomicInteger finished = new AtomicInteger();
        try (StackRunner runner = new StackRunner(new StackPlan(2, 1, 1))) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> runner.runAll(List.of(
                    () -> { throw failure; },
                    () -> { sleep(200); finished.incrementAndGet(); })));
            assertSame(failure, thrown);
            assertEquals(1, finished.get());
        }
    }

    @Test
    void anInterruptWhileWaitingLetsTheStepFinishAndIsKept() {
        AtomicInteger finished = new AtomicInteger();
        Thread caller = Thread.currentThread();
        try (StackRunner runner = new StackRunner(new StackPlan(2, 1, 1))) {
            runner.runAll(List.of(() -> { caller.interrupt(); sleep(200); finished.incrementAndGet(); },
                    () -> { sleep(200); finished.incrementAndGet(); }));
            assertEquals(2, finished.get());
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

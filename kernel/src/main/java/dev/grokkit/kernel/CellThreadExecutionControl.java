package dev.grokkit.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * JShell's in-process execution, with every snippet run on one dedicated cell thread (the
 * kernel process keeps the toolkit's objects, so they can be rendered, and DJL sees one thread
 * with the snippets' class loader as its context loader).
 *
 * <p>A snippet's value is kept as an object, not a string: {@link #invoke(Method)} returns a key
 * that {@link #takeValue(String)} exchanges for the object.
 *
 * <p>Stopping ({@link #stop()}, interrupt or timeout) first interrupts the cell thread, which
 * the toolkit's training loop answers by returning the run so far. Code still running after
 * {@link #GRACE_MILLIS} is stopped hard ({@link Thread#stop()}, repeated every poll). Code that
 * survives that too for {@link #HARD_STOP_MILLIS} (it catches {@code ThreadDeath}, e.g. a loop
 * catching Throwable; or the JDK has no Thread.stop) is abandoned: its thread is left running,
 * the cell ends with an error that says so, and later cells run on a new cell thread.
 */
final class CellThreadExecutionControl extends DirectExecutionControl {

    static final long GRACE_MILLIS = 2_000;
    static final long HARD_STOP_MILLIS = 3_000;
    private static final long POLL_MILLIS = 50;

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final long timeoutMillis;
    private volatile ExecutorService cellThread = newCellThread();
    private volatile Thread running;
    private volatile String stopReason;
    private volatile long stopRequestedAt;
    private volatile boolean abandoned;

    /** {@code timeoutMillis} bounds each snippet; a value <= 0 means no bound. */
    CellThreadExecutionControl(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    private static ExecutorService newCellThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(ExitGuard.CELL_THREADS, runnable, "grokkit-cell");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        Future<Object> result = cellThread.submit(() -> {
            Thread.interrupted(); // a stop that came too late for the last snippet must not hit this one
            Thread.currentThread().setContextClassLoader(snippetLoader);
            running = Thread.currentThread();
            try {
                if (stopReason != null) {
                    return null; // stopped while the snippet was being compiled: it does not start
                }
                return doitMethod.invoke(null);
            } finally {
                if (running == Thread.currentThread()) {
                    running = null;
                }
            }
        });
        Object value = await(result);
        if (value == null) {
            return "";
        }
        String key = UUID.randomUUID().toString();
        values.put(key, value);
        return key;
    }

    /** The snippet's value; stops it on timeout, hard after the grace period, and abandons it at last. */
    private Object await(Future<Object> result) throws Exception {
        long start = System.nanoTime();
        while (true) {
            try {
                return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw unwrap(e);
            } catch (TimeoutException e) {
                if (timeoutMillis > 0 && stopReason == null && millisSince(start) >= timeoutMillis) {
                    stop("timed out after " + timeoutMillis + " ms (IJAVA_TIMEOUT)");
                }
                if (stopReason == null) {
                    continue;
                }
                long stopping = millisSince(stopRequestedAt);
                if (stopping >= GRACE_MILLIS + HARD_STOP_MILLIS) {
                    abandon();
                    return null;
                }
                if (stopping >= GRACE_MILLIS) {
                    stopHard(result);
                }
            }
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopHard(Future<Object> result) {
        Thread thread = running;
        if (thread == null || result.isDone()) {
            return;
        }
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            // Java 20+: no hard stop; the snippet is abandoned when the hard-stop period ends
        }
    }

    /** Leaves the snippet's thread running and gives later snippets a new cell thread. */
    private void abandon() {
        ExecutorService stuck = cellThread;
        cellThread = newCellThread();
        running = null;
        abandoned = true;
        stuck.shutdownNow();
    }

    /** The task's exception as the invocation failure JShell expects to convert. */
    private static Exception unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception) {
            return (Exception) cause;
        }
        return new InvocationTargetException(cause);
    }

    /** The object behind a key from {@link #invoke(Method)}; null for "" or an unknown key. */
    Object takeValue(String key) {
        return key == null || key.isEmpty() ? null : values.remove(key);
    }

    @Override
    public void stop() {
        stop("interrupted");
    }

    /** Interrupts the running snippet (or keeps the next one from starting); see the class comment. */
    synchronized void stop(String reason) {
        if (stopReason == null) {
            stopRequestedAt = System.nanoTime();
            stopReason = reason;
        }
        Thread thread = running;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** What the cell is told if it was stopped since the last call (null if it was not); clears the record. */
    synchronized String takeStopReason() {
        String reason = stopReason;
        boolean wasAbandoned = abandoned;
        stopReason = null;
        abandoned = false;
        if (reason == null) {
            return null;
        }
        if (wasAbandoned) {
            return reason + ", but its code did not stop: it ignored the interrupt and, for "
                    + HARD_STOP_MILLIS / 1000 + " s, the hard stop (Thread.stop), e.g. by catching Throwable in a loop."
                    + " Its thread still runs in the background and may go on changing variables; restart the kernel"
                    + " to end it. Later cells run on a new thread";
        }
        return reason + "; variables defined before the stop are kept";
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        super.close();
    }
}

package dev.grokkit.kernel;

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
 * the toolkit's training loop answers by returning the run so far; code that ignores the
 * interrupt is stopped hard ({@link Thread#stop()}) after a grace period.
 */
final class CellThreadExecutionControl extends DirectExecutionControl {

    private static final long GRACE_MILLIS = 2_000;

    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(ExitGuard.CELL_THREADS, runnable, "grokkit-cell");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final long timeoutMillis;
    private volatile Thread running;
    /** Counts snippet invocations, so a late hard stop never hits the snippet after the one it was meant for. */
    private volatile long invocation;
    private volatile String stopReason;

    /** {@code timeoutMillis} bounds each snippet; a value <= 0 means no bound. */
    CellThreadExecutionControl(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ClassLoader snippetLoader = doitMethod.getDeclaringClass().getClassLoader();
        Future<Object> result = cellThread.submit(() -> {
            Thread.interrupted(); // a stop that came too late for the last snippet must not hit this one
            Thread.currentThread().setContextClassLoader(snippetLoader);
            invocation++;
            running = Thread.currentThread();
            try {
                if (stopReason != null) {
                    return null; // stopped while the snippet was being compiled: it does not start
                }
                return doitMethod.invoke(null);
            } finally {
                running = null;
            }
        });
        Object value;
        try {
            value = timeoutMillis > 0 ? result.get(timeoutMillis, TimeUnit.MILLISECONDS) : result.get();
        } catch (TimeoutException e) {
            stop("timed out after " + timeoutMillis + " ms (IJAVA_TIMEOUT)");
            value = awaitAfterStop(result);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
        if (value == null) {
            return "";
        }
        String key = UUID.randomUUID().toString();
        values.put(key, value);
        return key;
    }

    private static Object awaitAfterStop(Future<Object> result) throws Exception {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /** The task's exception as the invocation failure JShell expects to convert. */
    private static Exception unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception) {
            return (Exception) cause;
        }
        return new java.lang.reflect.InvocationTargetException(cause);
    }

    /** The object behind a key from {@link #invoke(Method)}; null for "" or an unknown key. */
    Object takeValue(String key) {
        return key == null || key.isEmpty() ? null : values.remove(key);
    }

    @Override
    public void stop() {
        stop("interrupted");
    }

    /** Interrupts the running snippet, stopping it hard if it is still running after the grace period. */
    void stop(String reason) {
        stopReason = reason;
        Thread thread = running;
        if (thread == null) {
            return;
        }
        long target = invocation;
        thread.interrupt();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (running == thread && invocation == target) {
                stopHard(thread);
            }
        }, "grokkit-cell-stopper");
        killer.setDaemon(true);
        killer.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopHard(Thread thread) {
        thread.stop();
    }

    /** Why the cell was stopped since the last call (null if it was not), clearing the record. */
    String takeStopReason() {
        String reason = stopReason;
        stopReason = null;
        return reason;
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        super.close();
    }
}

package dev.grokkit.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.function.Supplier;

/**
 * The one place where the DJL PyTorch engine is configured, before anything else touches it.
 *
 * <ul>
 *   <li>Offline: natives come from the {@code pytorch-native-cpu} jar on the class path; DJL never
 *       tries to download (system property {@code ai.djl.offline}).
 *   <li>Threads: {@code GROKKIT_THREADS} (default 2, capped at the processor count) intra-op
 *       threads and one inter-op thread.
 *   <li>OpenMP waiting: {@code OMP_WAIT_POLICY=PASSIVE} unless the environment already sets it
 *       or a bounded spin ({@code GOMP_SPINCOUNT}, libgomp's iterations of spinning before a
 *       worker sleeps; {@code OMP_WAIT_POLICY} would override it).
 *       Spinning OpenMP workers collapse throughput on a small shared machine (see the
 *       benchmark); libgomp reads the variable when libtorch is loaded, so it is put into the
 *       process environment (setenv through JNA, since Java cannot change its own environment)
 *       before the engine starts.
 *   <li>libtorch {@value LibTorch#VERSION} only: the engine refuses to start on another version
 *       ({@link LibTorch}'s operators are called by that version's C++ symbols).
 *   <li>Seed: {@link #seed(long)} seeds libtorch's generator; grokkit's own randomness (data
 *       splits, minibatch order) is derived from explicit seeds, never from global state.
 * </ul>
 */
public final class Grokkit {

    /** Environment variable naming the intra-op thread count. */
    public static final String THREADS_ENV = "GROKKIT_THREADS";

    private static Engine engine;

    private Grokkit() {}

    /** The configured PyTorch engine; configures and loads it on first call. */
    public static synchronized Engine engine() {
        if (engine == null) {
            int threads = threads();
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            if (System.getenv("OMP_WAIT_POLICY") == null && System.getenv("GOMP_SPINCOUNT") == null) {
                setNativeEnv("OMP_WAIT_POLICY", "PASSIVE");
            }
            setNativeEnv("OMP_NUM_THREADS", Integer.toString(threads));
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            // DJL finds its engine through ServiceLoader on the context class loader; inside
            // JShell or a kernel that loader may not see the toolkit's class path.
            Thread.currentThread().setContextClassLoader(Grokkit.class.getClassLoader());
            Engine loaded;
            try {
                loaded = Engine.getEngine("PyTorch");
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            LibTorch.checkVersion(loaded.getVersion());
            engine = loaded;
        }
        return engine;
    }

    /**
     * Sets libtorch's intra-op thread count for the calling thread (a per-thread setting in its
     * OpenMP backend), e.g. a parallel sweep's worker taking its share of {@link #threads()}.
     * libtorch also keeps the count last set on any thread as the one a new thread starts with,
     * so whoever starts workers that take a smaller share sets its own count again once they are
     * done: otherwise a thread started later (a notebook's new cell thread after an interrupt, a
     * user's own) would run on a worker's share.
     */
    public static void useThreadsOnThisThread(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        engine();
        JniUtils.setNumThreads(threads);
    }

    /**
     * Runs {@code body} with libtorch's intra-op thread count on the calling thread set to
     * {@code threads}, and sets the thread's count back when it returns or throws.
     */
    public static void withThreadsOnThisThread(int threads, Runnable body) {
        int previous = threadsOnThisThread();
        useThreadsOnThisThread(threads);
        try {
            body.run();
        } finally {
            useThreadsOnThisThread(previous);
        }
    }

    /** libtorch's intra-op thread count on the calling thread (a sweep's worker may use fewer than {@link #threads()}). */
    public static int threadsOnThisThread() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** Intra-op threads: {@code GROKKIT_THREADS} or 2, at most the number of processors. */
    public static int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        String value = System.getenv(THREADS_ENV);
        if (value == null || value.isBlank()) {
            return Math.min(2, cores);
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new IllegalArgumentException(THREADS_ENV + " must be >= 1, was " + value);
            }
            return Math.min(n, cores);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    THREADS_ENV + " must be a positive integer, was '" + value + "'", e);
        }
    }

    /** Seeds libtorch's global generator (parameter init, dropout, noise drawn by the engine). */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * Seeds the engine's generator and runs {@code draws} while no other thread can seed or draw
     * through this method: libtorch's generator is global, so runs of a parallel sweep each
     * take their random numbers (initialization, SGLD noise) inside such a section and stay
     * reproducible.
     */
    public static <T> T seeded(long seed, Supplier<T> draws) {
        synchronized (GENERATOR) {
            seed(seed);
            return draws.get();
        }
    }

    private static final Object GENERATOR = new Object();

    /** The engine's OpenMP wait policy as seen by this process: the policy, or the spin count if only that is set. */
    public static String waitPolicy() {
        String policy = LibC.INSTANCE.getenv("OMP_WAIT_POLICY");
        String spins = LibC.INSTANCE.getenv("GOMP_SPINCOUNT");
        if (policy == null) {
            return spins == null ? "default" : "SPIN" + spins.trim();
        }
        return spins == null ? policy : policy + " (GOMP_SPINCOUNT " + spins.trim() + ")";
    }

    /**
     * Whether the engine's OpenMP threads sleep at once when they wait (the default): the policy
     * is PASSIVE and no {@code GOMP_SPINCOUNT} (other than 0) makes them spin first.
     */
    public static boolean waitsPassively() {
        engine(); // sets the default policy
        return waitsPassively(LibC.INSTANCE.getenv("OMP_WAIT_POLICY"), LibC.INSTANCE.getenv("GOMP_SPINCOUNT"));
    }

    /** {@link #waitsPassively()} for these values of OMP_WAIT_POLICY and GOMP_SPINCOUNT (null if unset). */
    static boolean waitsPassively(String policy, String spins) {
        return policy != null && policy.trim().equalsIgnoreCase("PASSIVE") && (spins == null || spins.trim().equals("0"));
    }

    /** Parses a precision name ("float32", "float64") into a DJL data type. */
    public static DataType precision(String name) {
        switch (name.toLowerCase()) {
            case "float32": case "fp32": case "float":
                return DataType.FLOAT32;
            case "float64": case "fp64": case "double":
                return DataType.FLOAT64;
            default:
                throw new IllegalArgumentException(
                        "precision must be float32 or float64, was '" + name + "'");
        }
    }

    private static void setNativeEnv(String name, String value) {
        LibC.INSTANCE.setenv(name, value, 1);
    }

    /** The two libc calls Java itself does not offer: the process environment is read-only in Java. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }
}

package dev.grokkit.train;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where runs get their default listener. The console progress bar unless an environment (the
 * Jupyter kernel) installs its own factory at start-up, so notebooks need no set-up code.
 */
public final class RunListeners {

    private static volatile Supplier<RunListener> factory = ConsoleProgress::new;

    private RunListeners() {}

    /** Installs the factory that gives each new run its default listener. */
    public static void setDefault(Supplier<RunListener> newFactory) {
        factory = Objects.requireNonNull(newFactory, "newFactory");
    }

    /** A fresh default listener for one run. */
    public static RunListener createDefault() {
        return factory.get();
    }

    /** A listener that does nothing. */
    public static RunListener silent() {
        return new RunListener() {};
    }
}

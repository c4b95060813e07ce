package dev.grokkit.train;

/**
 * A run that failed part-way (a probe or listener that threw, a checkpoint that could not be
 * written, ...), with the run so far: its history up to the last recorded row and its model as
 * the failure left it (after a failed update, possibly part-updated). The run is still open:
 * close it (or keep it, e.g. to save its model elsewhere) once read.
 */
public final class RunFailedException extends RuntimeException {

    private final transient Run run;

    RunFailedException(Run run, Throwable cause) {
        super("run '" + run.experiment().name() + "' " + run.stopReason() + "; the run so far (history up to step "
                + lastStep(run) + ") is attached: RunFailedException.run()", cause);
        this.run = run;
    }

    /** The run up to the failure; its stop reason says where it failed. */
    public Run run() {
        return run;
    }

    private static String lastStep(Run run) {
        long[] steps = run.history().steps();
        return steps.length == 0 ? "none" : Long.toString(steps[steps.length - 1]);
    }
}

package dev.grokkit.train;

import java.util.List;
import java.util.Map;

/**
 * A sweep whose runs failed: names each failed point, keeps the runs that finished (also when the
 * sweep saves nothing to disk) and lists the points that were not started. The cause is the first
 * failure; any others are suppressed exceptions.
 */
public final class SweepFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Sweep.Result<?> finished;
    private final List<String> failedValues;

    SweepFailure(String parameter, List<String> values, Map<String, Throwable> failures, Sweep.Result<?> finished) {
        super(message(parameter, values, failures, finished), failures.values().iterator().next());
        this.finished = finished;
        this.failedValues = List.copyOf(failures.keySet());
        // the points of a failed ensemble share one cause
        failures.values().stream().distinct().skip(1).forEach(this::addSuppressed);
    }

    private static String message(String parameter, List<String> values, Map<String, Throwable> failures,
            Sweep.Result<?> finished) {
        StringBuilder m = new StringBuilder("sweep over '" + parameter + "': ");
        failures.forEach((value, cause) -> m.append("the run of ").append(parameter).append(" = ").append(value)
                .append(" (point ").append(values.indexOf(value) + 1).append(" of ").append(values.size())
                .append(") failed: ").append(cause).append("; "));
        List<String> kept = finished.points().stream().map(String::valueOf).toList();
        m.append(kept.isEmpty() ? "no run finished"
                : (kept.size() == 1 ? "the finished run of " : "the finished runs of ") + String.join(", ", kept)
                        + (kept.size() == 1 ? " is" : " are") + " kept in this exception's finished()");
        List<String> notRun = values.stream()
                .filter(v -> !kept.contains(v) && !failures.containsKey(v)).toList();
        if (!notRun.isEmpty()) {
            m.append("; not run: ").append(String.join(", ", notRun));
        }
        return m.toString();
    }

    /** The runs that finished, as {@link Sweep#run()} would have returned them. */
    public Sweep.Result<?> finished() {
        return finished;
    }

    /** The values whose runs failed, in sweep order. */
    public List<String> failedValues() {
        return failedValues;
    }
}

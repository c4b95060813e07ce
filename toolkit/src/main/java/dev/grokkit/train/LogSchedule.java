package dev.grokkit.train;

/**
 * The steps at which a run records a history row (and runs its probes). Step 0 (the
 * initialization) and the final step are always recorded by the run itself.
 */
@FunctionalInterface
public interface LogSchedule {

    boolean includes(long step);

    /** Steps 0, n, 2n, ... */
    static LogSchedule every(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("log interval must be positive, was " + n);
        }
        return step -> step % n == 0;
    }

    /** Steps 0 .. n-1, every one (e.g. the information plane's first 30 steps). */
    static LogSchedule first(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("first: the number of logged steps must be positive, was " + n);
        }
        return step -> step < n;
    }

    /**
     * Roughly evenly spaced in log10(step): the steps round(10^(k / pointsPerDecade)) for
     * k = 0, 1, 2, ... as Omnigrok's plots use.
     */
    static LogSchedule logSpaced(int pointsPerDecade) {
        if (pointsPerDecade <= 0) {
            throw new IllegalArgumentException("pointsPerDecade must be positive, was " + pointsPerDecade);
        }
        return step -> {
            if (step <= 1) {
                return true;
            }
            long k = Math.round(pointsPerDecade * Math.log10(step));
            for (long j = k - 1; j <= k + 1; j++) {
                if (Math.round(Math.pow(10, j / (double) pointsPerDecade)) == step) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Steps included by this schedule or the other. */
    default LogSchedule or(LogSchedule other) {
        return step -> includes(step) || other.includes(step);
    }
}

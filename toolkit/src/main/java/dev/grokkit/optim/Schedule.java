package dev.grokkit.optim;

/**
 * A learning rate as a function of the 0-based step. Factories cover the schedules the grokking
 * papers use: constant, linear warm-up (Nanda et al. use 10 steps), and cosine decay. Any lambda
 * is a schedule too; it describes itself as "custom schedule". A description is for display only:
 * a checkpoint records the digest of the learning rates its run took, and resumes only with a
 * schedule that gives those same rates, so two lambdas are never mistaken for each other.
 */
@FunctionalInterface
public interface Schedule {

    /** The learning rate for step {@code step} (0 for the first update). */
    double at(long step);

    /** A short description for run summaries, e.g. "lr 0.001, warmup 10". */
    default String describe() {
        return "custom schedule";
    }

    static Schedule constant(double lr) {
        requirePositive(lr, "learning rate");
        return new DescribedSchedule("lr " + Format.number(lr), step -> lr);
    }

    /** lr * min(1, (step + 1) / warmupSteps). */
    static Schedule warmup(double lr, long warmupSteps) {
        requirePositive(lr, "learning rate");
        requirePositive(warmupSteps, "warmupSteps");
        return new DescribedSchedule("lr " + Format.number(lr) + ", warmup " + warmupSteps,
                step -> lr * Math.min(1.0, (step + 1) / (double) warmupSteps));
    }

    /**
     * Linear warm-up to lr over {@code warmupSteps} (lr (t + 1) / w for t &lt; w), then cosine
     * decay to {@code minLr} at {@code totalSteps}: lr_t = minLr + (lr - minLr) (1 + cos(pi (t - w)
     * / (T - w))) / 2, and minLr after T.
     */
    static Schedule cosine(double lr, long totalSteps, long warmupSteps, double minLr) {
        requirePositive(lr, "learning rate");
        requirePositive(totalSteps, "totalSteps");
        if (warmupSteps < 0 || warmupSteps >= totalSteps) {
            throw new IllegalArgumentException(
                    "warmupSteps must be in [0, totalSteps=" + totalSteps + "), was " + warmupSteps);
        }
        if (!(minLr >= 0) || minLr > lr) {
            throw new IllegalArgumentException("minLr must be in [0, lr=" + lr + "], was " + minLr);
        }
        String description = "cosine lr " + Format.number(lr) + " to " + Format.number(minLr)
                + " over " + totalSteps + " steps" + (warmupSteps > 0 ? ", warmup " + warmupSteps : "");
        return new DescribedSchedule(description, step -> {
            if (step < warmupSteps) {
                return lr * (step + 1) / (double) warmupSteps;
            }
            double progress = Math.min(1.0, (step - warmupSteps) / (double) (totalSteps - warmupSteps));
            return minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
        });
    }

    private static void requirePositive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requirePositive(double value, String what) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
        }
    }
}

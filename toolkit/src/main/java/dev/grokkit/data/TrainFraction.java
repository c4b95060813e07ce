package dev.grokkit.data;

import java.math.BigDecimal;

/** The fraction of examples that goes to training: validation, count and how it is printed. */
final class TrainFraction {

    private TrainFraction() {
    }

    /**
     * round(fraction * n) training examples, checked to leave at least one example on each side.
     *
     * @param what the examples being split, for messages
     */
    static int trainCount(double fraction, int n, String what) {
        long count = Math.round(check(fraction) * n);
        if (count < 1 || count > n - 1) {
            throw new IllegalArgumentException(
                    "trainFraction " + fraction + " of " + n + " " + what + " gives " + count
                            + " training examples; both train and test need at least one");
        }
        return (int) count;
    }

    /** The fraction itself, if it lies strictly between 0 and 1. */
    static double check(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "trainFraction must lie strictly between 0 and 1, was " + fraction);
        }
        return fraction;
    }

    /** The fraction as a percentage without spurious digits: 0.3 -> "30%", 0.125 -> "12.5%". */
    static String percent(double fraction) {
        double hundredths = Math.round(fraction * 10_000) / 100.0;
        return BigDecimal.valueOf(hundredths).stripTrailingZeros().toPlainString() + "%";
    }
}

package dev.grokkit.train;

import java.util.Locale;

/**
 * Perturbed ("degrokking") training, robustness paper Section 3.2: during every training step the
 * inputs, or for token inputs the embedding layer's output, get Gaussian noise N(0, s^2 I) with
 *
 * <pre>
 *   s = max(l1 (1 - train_acc), l2)
 * </pre>
 *
 * where train_acc is the training accuracy of the latest row the log schedule recorded (0 before
 * any). Evaluation and probes see clean inputs. {@link #none()} (l1 = l2 = 0) is standard training.
 *
 * <pre>{@code
 * Experiment.builder()...inputNoise(InputNoise.degrokking(1.0, 0.1))
 * }</pre>
 */
public record InputNoise(double l1, double l2) {

    public InputNoise {
        check("l1", l1);
        check("l2", l2);
    }

    /** No noise: standard training. */
    public static InputNoise none() {
        return new InputNoise(0, 0);
    }

    /** s = max(l1 (1 - train_acc), l2): strong noise while the training set is not fitted, l2 after. */
    public static InputNoise degrokking(double l1, double l2) {
        return new InputNoise(l1, l2);
    }

    /** The same s at every step. */
    public static InputNoise constant(double s) {
        return new InputNoise(0, s);
    }

    /** The noise standard deviation s at this training accuracy (NaN: not measured yet, counts as 0). */
    public double std(double trainAccuracy) {
        if (trainAccuracy < 0 || trainAccuracy > 1) {
            throw new IllegalArgumentException("trainAccuracy: must be in [0, 1] (or NaN before any is measured), was "
                    + trainAccuracy);
        }
        double accuracy = Double.isNaN(trainAccuracy) ? 0 : trainAccuracy;
        return Math.max(l1 * (1 - accuracy), l2);
    }

    /** Whether this is standard training (no noise at any accuracy). */
    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    public String describe() {
        return String.format(Locale.ROOT, "input noise s = max(%s (1 - train_acc), %s)", l1, l2);
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": the noise scale must be finite and >= 0, was " + value);
        }
    }
}

package dev.grokkit.info;

/** The entropy of an empirical label distribution, H(Y) = -sum_y p(y) ln p(y) in nats: the ceiling of I(T; Y). */
public final class LabelEntropy {

    private LabelEntropy() {}

    /** H(Y) of labels counted {@code counts[y]} times each (e.g. {@code Examples.classCounts()}). */
    public static double of(int... counts) {
        double n = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must be nonnegative, got " + c);
            }
            n += c;
        }
        if (n == 0) {
            throw new IllegalArgumentException("H(Y) needs at least one label");
        }
        double h = 0;
        for (int c : counts) {
            h -= c == 0 ? 0 : c / n * Math.log(c / n);
        }
        return h;
    }
}

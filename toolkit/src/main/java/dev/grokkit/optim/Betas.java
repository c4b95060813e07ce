package dev.grokkit.optim;

/** The two exponential-averaging rates of Adam and Lion, each in [0, 1). */
public record Betas(double beta1, double beta2) {

    public Betas {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(
                    "betas must each be in [0, 1), were (" + beta1 + ", " + beta2 + ")");
        }
    }

    @Override
    public String toString() {
        return "betas (" + Format.number(beta1) + ", " + Format.number(beta2) + ")";
    }
}

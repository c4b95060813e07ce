package dev.grokkit.info;

/** The digamma function psi(x) = d/dx ln Gamma(x) for x > 0. */
public final class Digamma {

    private Digamma() {}

    /**
     * psi(x): the recurrence psi(x) = psi(x + 1) - 1/x lifts x to at least 12, then the asymptotic
     * series psi(x) ~ ln x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - 1/(252x^6) + 1/(240x^8) - 1/(132x^10)
     * is then accurate to about 1e-16 relative.
     */
    public static double of(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("x: digamma needs x > 0, was " + x);
        }
        double shift = 0;
        while (x < 12) {
            shift -= 1 / x;
            x += 1;
        }
        double r = 1 / (x * x);
        double series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r / 132))));
        return shift + Math.log(x) - 0.5 / x - series;
    }
}

package dev.grokkit.engine;

import java.util.Locale;

/**
 * How much work a notebook or script does, read from {@code GROKKIT_SCALE}: {@code smoke} (the
 * code path only, seconds), {@code teaching} (the default, minutes on two cores) or
 * {@code paper} (the papers' sizes). Anything else is refused, naming the value.
 *
 * <pre>{@code
 * Scale scale = Scale.fromEnvironment();
 * int steps = scale.pick(100, 3_000, 10_000);
 * }</pre>
 */
public enum Scale {
    SMOKE, TEACHING, PAPER;

    /** The environment variable read by {@link #fromEnvironment()}. */
    public static final String ENV = "GROKKIT_SCALE";

    /** {@code GROKKIT_SCALE}, or TEACHING when it is unset or blank. */
    public static Scale fromEnvironment() {
        return parse(System.getenv(ENV));
    }

    /** "smoke", "teaching" or "paper" (null or blank: TEACHING); anything else is refused. */
    public static Scale parse(String value) {
        if (value == null || value.isBlank()) {
            return TEACHING;
        }
        for (Scale s : values()) {
            if (s.toString().equals(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(ENV + " must be smoke, teaching or paper, was '" + value + "'");
    }

    /** The value for this scale: one of three, given in the order smoke, teaching, paper. */
    public <T> T pick(T smoke, T teaching, T paper) {
        return switch (this) {
            case SMOKE -> smoke;
            case TEACHING -> teaching;
            case PAPER -> paper;
        };
    }

    public boolean isSmoke() {
        return this == SMOKE;
    }

    public boolean isPaper() {
        return this == PAPER;
    }

    /** The name as GROKKIT_SCALE spells it: smoke, teaching or paper. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

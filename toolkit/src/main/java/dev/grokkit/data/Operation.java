package dev.grokkit.data;

import java.util.List;
import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * A binary operation x ∘ y on the residues mod p, as in Power et al. (2022), "Grokking:
 * generalization beyond overfitting on small algorithmic datasets". The label of the pair (x, y)
 * is (x ∘ y) mod p, a class in [0, p).
 *
 * <p>The built-in operations are constants ({@link #ADD}, {@link #DIVIDE}, ...); {@link
 * #custom(String, IntBinaryOperator)} makes any other one.
 */
public final class Operation {

    /** x + y. */
    public static final Operation ADD = new Operation("x+y", (x, y, p) -> x + y, false);
    /** x - y. */
    public static final Operation SUBTRACT = new Operation("x-y", (x, y, p) -> x - y, false);
    /** x * y. */
    public static final Operation MULTIPLY = new Operation("x*y", (x, y, p) -> x * y, false);
    /** x * y^-1 with y^-1 the inverse of y mod p; y = 0 is excluded and p must be prime. */
    public static final Operation DIVIDE =
            new Operation("x/y", (x, y, p) -> x * inverse(y, p), true);
    /** x^2 + y^2. */
    public static final Operation X2_PLUS_Y2 =
            new Operation("x^2+y^2", (x, y, p) -> x * x + y * y, false);
    /** x^2 + xy + y^2. */
    public static final Operation X2_PLUS_XY_PLUS_Y2 =
            new Operation("x^2+xy+y^2", (x, y, p) -> x * x + x * y + y * y, false);
    /** x^2 + xy + y^2 + x. */
    public static final Operation X2_PLUS_XY_PLUS_Y2_PLUS_X =
            new Operation("x^2+xy+y^2+x", (x, y, p) -> x * x + x * y + y * y + x, false);
    /** x^3 + xy. */
    public static final Operation X3_PLUS_XY =
            new Operation("x^3+xy", (x, y, p) -> x * x * x + x * y, false);
    /** x^3 + xy^2 + y. */
    public static final Operation X3_PLUS_XY2_PLUS_Y =
            new Operation("x^3+xy^2+y", (x, y, p) -> x * x * x + x * y * y + y, false);

    private static final List<Operation> BUILT_INS = List.of(
            ADD, SUBTRACT, MULTIPLY, DIVIDE, X2_PLUS_Y2, X2_PLUS_XY_PLUS_Y2,
            X2_PLUS_XY_PLUS_Y2_PLUS_X, X3_PLUS_XY, X3_PLUS_XY2_PLUS_Y);

    /**
     * The operation on residues x, y in [0, p) before reduction. Operands are longs so that the
     * cubic ones cannot overflow for any modulus {@link ModularArithmetic} accepts.
     */
    @FunctionalInterface
    private interface Rule {
        long apply(long x, long y, long p);
    }

    private final String name;
    private final Rule rule;
    private final boolean division;

    private Operation(String name, Rule rule, boolean division) {
        this.name = name;
        this.rule = rule;
        this.division = division;
    }

    /**
     * A user-defined operation: the label of (x, y) is {@code floorMod(f(x, y), p)}.
     *
     * @param name how the operation is written, e.g. "x*y+1"; used in dataset names
     */
    public static Operation custom(String name, IntBinaryOperator f) {
        Objects.requireNonNull(f, "f");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a custom operation needs a non-blank name");
        }
        return new Operation(name.strip(), (x, y, p) -> f.applyAsInt((int) x, (int) y), false);
    }

    /** The built-in operations, in declaration order. */
    public static List<Operation> builtIns() {
        return BUILT_INS;
    }

    /** How the operation is written, e.g. "x+y". */
    public String name() {
        return name;
    }

    /** True for division: y = 0 is not an operand and the modulus must be prime. */
    public boolean isDivision() {
        return division;
    }

    /** The smallest allowed second operand: 1 for division, else 0. */
    int minSecondOperand() {
        return division ? 1 : 0;
    }

    /**
     * (x ∘ y) mod p, in [0, p).
     *
     * @throws IllegalArgumentException if x or y is not a residue mod p, or y = 0 for division
     */
    public int apply(int x, int y, int modulus) {
        if (modulus < 2) {
            throw new IllegalArgumentException("modulus must be >= 2, was " + modulus);
        }
        if (x < 0 || x >= modulus || y < minSecondOperand() || y >= modulus) {
            throw new IllegalArgumentException(
                    name + ": operands must satisfy 0 <= x < " + modulus + " and "
                            + minSecondOperand() + " <= y < " + modulus + ", got x = " + x + ", y = " + y);
        }
        return (int) Math.floorMod(rule.apply(x, y, modulus), (long) modulus);
    }

    /**
     * The inverse of y mod p by the extended Euclidean algorithm: finds s with s*y + t*p = gcd(y, p);
     * when gcd = 1, s*y = 1 (mod p).
     */
    static long inverse(long y, long p) {
        long oldR = Math.floorMod(y, p);
        long r = p;
        long oldS = 1;
        long s = 0;
        while (r != 0) {
            long q = oldR / r;
            long t = oldR - q * r;
            oldR = r;
            r = t;
            t = oldS - q * s;
            oldS = s;
            s = t;
        }
        if (oldR != 1) {
            throw new IllegalArgumentException(y + " has no inverse mod " + p + " (gcd " + oldR + ")");
        }
        return Math.floorMod(oldS, p);
    }

    @Override
    public String toString() {
        return name;
    }
}

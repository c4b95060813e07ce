package dev.grokkit.data;

import java.util.Objects;

/**
 * The algorithmic task "x ∘ y mod p" of Power et al. (2022): every pair of residues (x, y) is one
 * example whose label is {@code operation.apply(x, y, p)}; a random fraction of all pairs trains
 * the model and all the other pairs test it.
 *
 * <pre>{@code
 * Dataset data = ModularArithmetic.builder().modulus(97).operation(Operation.ADD)
 *         .trainFraction(0.3).seed(0).form(Form.TOKENS).build();
 * }</pre>
 *
 * <p>Pairs are numbered in row-major order: x = 0..p-1, then y = 0..p-1 (y = 1..p-1 for
 * division), so there are p^2 pairs, or p(p-1) for division. {@link #allPairs()} holds them in
 * that order and {@link #indexOf}/{@link #swappedIndex} find a pair and its mirror (y, x), e.g.
 * for testing whether a model has learned commutativity.
 */
public final class ModularArithmetic {

    /** How a pair is presented to a model. */
    public enum Form {
        /** Three tokens [x, y, =] with '=' the token id p: vocabulary p + 1, for transformers. */
        TOKENS,
        /** Two tokens [x, y]: vocabulary p, for embedding MLPs. */
        PAIRS
    }

    /** Largest modulus accepted: all p^2 pairs are held in memory. */
    public static final int MAX_MODULUS = 2048;

    private final int modulus;
    private final Operation operation;
    private final Form form;
    private final Examples allPairs;

    private ModularArithmetic(int modulus, Operation operation, Form form) {
        if (operation.isDivision() && !isPrime(modulus)) {
            throw new IllegalArgumentException(
                    operation + " needs a prime modulus (so every y != 0 has an inverse), but "
                            + modulus + " is not prime");
        }
        this.modulus = modulus;
        this.operation = operation;
        this.form = form;
        this.allPairs = enumeratePairs();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int modulus() {
        return modulus;
    }

    public Operation operation() {
        return operation;
    }

    public Form form() {
        return form;
    }

    /** The number of pairs: p^2, or p(p-1) for division. */
    public int pairCount() {
        return modulus * secondOperandCount();
    }

    /** Every pair, in row-major order (see the class comment), with its label. */
    public Examples allPairs() {
        return allPairs;
    }

    /** The index of the pair (x, y) in {@link #allPairs()}. */
    public int indexOf(int x, int y) {
        int min = operation.minSecondOperand();
        if (x < 0 || x >= modulus || y < min || y >= modulus) {
            throw new IllegalArgumentException(
                    "(" + x + ", " + y + ") is not a pair of " + this + ": need 0 <= x < " + modulus
                            + " and " + min + " <= y < " + modulus);
        }
        return x * secondOperandCount() + (y - min);
    }

    /** x of the pair at index i of {@link #allPairs()}. */
    public int firstOperand(int i) {
        checkIndex(i);
        return i / secondOperandCount();
    }

    /** y of the pair at index i of {@link #allPairs()}. */
    public int secondOperand(int i) {
        checkIndex(i);
        return i % secondOperandCount() + operation.minSecondOperand();
    }

    /**
     * The index of (y, x) for the pair (x, y) at index i. For division (x, y) with x = 0 has no
     * mirror, since y = 0 is excluded; that is an error.
     */
    public int swappedIndex(int i) {
        return indexOf(secondOperand(i), firstOperand(i));
    }

    /**
     * A random {@code trainFraction} of all pairs (round(fraction * pairCount) of them, chosen with
     * {@code java.util.SplittableRandom(seed)}) for training, every other pair for testing ("the
     * full test split"). Both splits keep the row-major pair order.
     */
    public Dataset split(double trainFraction, long seed) {
        int n = pairCount();
        int[] train = IndexSampling.choose(n, TrainFraction.trainCount(trainFraction, n, "pairs"), seed);
        int[] test = IndexSampling.complement(n, train);
        String name = this + " (" + TrainFraction.percent(trainFraction) + " train)";
        return new Dataset(name, allPairs.select(train), allPairs.select(test));
    }

    private Examples enumeratePairs() {
        int n = pairCount();
        int length = form == Form.TOKENS ? 3 : 2;
        int[] tokens = new int[n * length];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int x = firstOperand(i);
            int y = secondOperand(i);
            tokens[i * length] = x;
            tokens[i * length + 1] = y;
            if (form == Form.TOKENS) {
                tokens[i * length + 2] = modulus;
            }
            labels[i] = operation.apply(x, y, modulus);
        }
        int vocabulary = form == Form.TOKENS ? modulus + 1 : modulus;
        return Examples.ofTokens(tokens, length, vocabulary, labels, modulus);
    }

    private int secondOperandCount() {
        return modulus - operation.minSecondOperand();
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= pairCount()) {
            throw new IllegalArgumentException(
                    "pair index " + i + " is outside [0, " + pairCount() + ") for " + this);
        }
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** E.g. "x+y mod 97". */
    @Override
    public String toString() {
        return operation + " mod " + modulus;
    }

    /**
     * Settings of a modular arithmetic dataset. Defaults: modulus 97, {@link Operation#ADD},
     * train fraction 0.3, seed 0, {@link Form#TOKENS}.
     */
    public static final class Builder {

        private int modulus = 97;
        private Operation operation = Operation.ADD;
        private double trainFraction = 0.3;
        private long seed;
        private Form form = Form.TOKENS;

        private Builder() {
        }

        /** p, in [2, {@link #MAX_MODULUS}]; division also needs p prime. */
        public Builder modulus(int modulus) {
            if (modulus < 2 || modulus > MAX_MODULUS) {
                throw new IllegalArgumentException(
                        "modulus must lie in [2, " + MAX_MODULUS + "], was " + modulus);
            }
            this.modulus = modulus;
            return this;
        }

        public Builder operation(Operation operation) {
            this.operation = Objects.requireNonNull(operation, "operation");
            return this;
        }

        /** The fraction of all pairs used for training, strictly between 0 and 1. */
        public Builder trainFraction(double trainFraction) {
            this.trainFraction = TrainFraction.check(trainFraction);
            return this;
        }

        /** Seed of the random train/test split. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder form(Form form) {
            this.form = Objects.requireNonNull(form, "form");
            return this;
        }

        /** The task itself (all pairs, index lookups), without a split. */
        public ModularArithmetic task() {
            return new ModularArithmetic(modulus, operation, form);
        }

        /** The split dataset, named e.g. "x+y mod 97 (30% train)". */
        public Dataset build() {
            return task().split(trainFraction, seed);
        }
    }
}

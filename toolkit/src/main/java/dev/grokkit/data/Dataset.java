package dev.grokkit.data;

import java.util.Objects;

/**
 * A named task: training examples and the held-out test examples, with the same example shape
 * and classes, neither part empty.
 */
public final class Dataset {

    private final String name;
    private final Examples train;
    private final Examples test;

    public Dataset(String name, Examples train, Examples test) {
        this.name = Objects.requireNonNull(name, "name");
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        if (train.size() == 0) {
            throw new IllegalArgumentException(name + ": the train part has no examples");
        }
        if (test.size() == 0) {
            throw new IllegalArgumentException(name + ": the test part has no examples (its metrics would all be NaN)");
        }
        if (!train.exampleShape().equals(test.exampleShape())) {
            throw new IllegalArgumentException(
                    name + ": train examples have shape " + train.exampleShape()
                            + " but test examples " + test.exampleShape());
        }
        if (train.isTokens() != test.isTokens()) {
            throw new IllegalArgumentException(name + ": train examples are " + kind(train) + " but test examples "
                    + kind(test));
        }
        if (train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException(name + ": train examples have " + train.numClasses()
                    + " classes but test examples " + test.numClasses());
        }
        if (train.vocabularySize() != test.vocabularySize()) {
            throw new IllegalArgumentException(name + ": train tokens come from a vocabulary of "
                    + train.vocabularySize() + " but test tokens from " + test.vocabularySize());
        }
    }

    private static String kind(Examples examples) {
        return examples.isTokens() ? "tokens" : "real-valued";
    }

    public String name() {
        return name;
    }

    public Examples train() {
        return train;
    }

    public Examples test() {
        return test;
    }

    public int numClasses() {
        return train.numClasses();
    }

    /**
     * The same test examples with only the first n training examples, as in the Omnigrok setup
     * (first 1000 MNIST training images).
     */
    public Dataset firstTrain(int n) {
        return new Dataset(name + " (first " + n + " train)", train.first(n), test);
    }

    /** The same test examples with n training examples drawn at random ({@link Examples#random}). */
    public Dataset randomTrain(int n, long seed) {
        return new Dataset(
                name + " (" + n + " random train, seed " + seed + ")", train.random(n, seed), test);
    }

    /** Train and test examples each flattened to one vector ({@link Examples#flatten}). */
    public Dataset flatten() {
        return new Dataset(name, train.flatten(), test.flatten());
    }

    /** Train and test standardized with statistics fitted on the training examples only. */
    public Dataset standardize(Normalization.Scope scope) {
        Normalization normalization = Normalization.fit(train, scope);
        return new Dataset(name + " (standardized)", normalization.apply(train), normalization.apply(test));
    }

    @Override
    public String toString() {
        return name + ": train " + train + "; test " + test;
    }
}

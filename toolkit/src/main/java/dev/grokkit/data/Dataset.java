package dev.grokkit.data;

import java.util.Objects;

/**
 * A named task: training examples and the held-out test examples, with the same example shape
 * and classes.
 */
public final class Dataset {

    private final String name;
    private final Examples train;
    private final Examples test;

    public Dataset(String name, Examples train, Examples test) {
        this.name = Objects.requireNonNull(name, "name");
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        if (!train.exampleShape().equals(test.exampleShape())) {
            throw new IllegalArgumentException(
                    name + ": train examples have shape " + train.exampleShape()
                            + " but test examples " + test.exampleShape());
        }
        if (train.numClasses() != test.numClasses() || train.isTokens() != test.isTokens()) {
            throw new IllegalArgumentException(name + ": train and test examples differ in kind or classes");
        }
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

    @Override
    public String toString() {
        return name + ": train " + train + "; test " + test;
    }
}

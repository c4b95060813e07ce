package dev.grokkit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled examples held in memory: either real-valued features of one fixed shape per example
 * (images, vectors) or integer token sequences (modular arithmetic). Immutable; every
 * transformation returns a new instance. Small by design: the grokking setups use at most a few
 * tens of thousands of examples.
 */
public final class Examples {

    private final float[] features;
    private final int[] tokens;
    private final Shape exampleShape;
    private final int vocabularySize;
    private final int[] labels;
    private final int numClasses;

    private Examples(
            float[] features, int[] tokens, Shape exampleShape, int vocabularySize, int[] labels,
            int numClasses) {
        this.features = features;
        this.tokens = tokens;
        this.exampleShape = exampleShape;
        this.vocabularySize = vocabularySize;
        this.labels = labels;
        this.numClasses = numClasses;
    }

    /**
     * Real-valued examples (the arrays are copied).
     *
     * @param features row-major values, {@code labels.length * exampleShape.size()} of them
     * @param exampleShape the shape of one example, e.g. (784) or (1, 28, 28)
     * @param labels class indices in [0, numClasses)
     */
    public static Examples ofFeatures(float[] features, Shape exampleShape, int[] labels, int numClasses) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(exampleShape, "exampleShape");
        checkLabels(labels, numClasses);
        long per = valuesPerExample(exampleShape);
        if (features.length != per * labels.length) {
            throw new IllegalArgumentException(
                    "features: expected " + labels.length + " examples x " + per + " values = "
                            + per * labels.length + ", got " + features.length);
        }
        checkFinite(features, per);
        return new Examples(features.clone(), null, exampleShape, 0, labels.clone(), numClasses);
    }

    /**
     * The size of an example of this shape: every dimension at least 1, the product below 2^31 (so
     * that n examples' values, at most 2^31 too, are counted exactly in a long).
     */
    private static int valuesPerExample(Shape exampleShape) {
        long size = 1;
        for (long d : exampleShape.getShape()) {
            if (d < 1 || size * d > Integer.MAX_VALUE) { // size and d below 2^31 here: exact in a long
                throw new IllegalArgumentException("example shape " + exampleShape
                        + " is not a shape an example can have: every dimension must be >= 1 and their product "
                        + "at most " + Integer.MAX_VALUE);
            }
            size *= d;
        }
        return (int) size;
    }

    /** NaN or infinite inputs would surface only as a diverged run; refused here with the first one. */
    private static void checkFinite(float[] features, long per) {
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("features[" + i + "] = " + features[i] + " (example " + i / per
                        + ", value " + i % per + ") is not a finite number");
            }
        }
    }

    /**
     * Token-sequence examples (the arrays are copied).
     *
     * @param tokens row-major token ids, {@code labels.length * sequenceLength} of them
     * @param sequenceLength tokens per example
     * @param vocabularySize token ids lie in [0, vocabularySize)
     */
    public static Examples ofTokens(
            int[] tokens, int sequenceLength, int vocabularySize, int[] labels, int numClasses) {
        Objects.requireNonNull(tokens, "tokens");
        checkLabels(labels, numClasses);
        if (sequenceLength <= 0 || tokens.length != (long) sequenceLength * labels.length) {
            throw new IllegalArgumentException(
                    "tokens: expected " + labels.length + " examples x " + sequenceLength
                            + " tokens, got " + tokens.length);
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabularySize) {
                throw new IllegalArgumentException(
                        "tokens[" + i + "] = " + tokens[i] + " is outside the vocabulary [0, "
                                + vocabularySize + ")");
            }
        }
        return new Examples(null, tokens.clone(), new Shape(sequenceLength), vocabularySize, labels.clone(), numClasses);
    }

    private static void checkLabels(int[] labels, int numClasses) {
        Objects.requireNonNull(labels, "labels");
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be >= 1, was " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "labels[" + i + "] = " + labels[i] + " is outside [0, " + numClasses + ")");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public boolean isTokens() {
        return tokens != null;
    }

    /** The shape of one example: (sequenceLength) for tokens. */
    public Shape exampleShape() {
        return exampleShape;
    }

    /** Token vocabulary size; 0 for real-valued examples. */
    public int vocabularySize() {
        return vocabularySize;
    }

    public int numClasses() {
        return numClasses;
    }

    public int label(int i) {
        return labels[i];
    }

    public int[] labels() {
        return labels.clone();
    }

    /** A copy of the row-major feature values; fails for token examples. */
    public float[] features() {
        requireFeatures();
        return features.clone();
    }

    /** A copy of the row-major token ids; fails for real-valued examples. */
    public int[] tokens() {
        if (!isTokens()) {
            throw new IllegalStateException("these examples hold features, not tokens");
        }
        return tokens.clone();
    }

    /**
     * The inputs as one array of shape (n, exampleShape...): features in {@code dtype}, tokens as
     * INT64 whatever {@code dtype} says.
     */
    public NDArray inputs(NDManager manager, DataType dtype) {
        Shape shape = new Shape(size()).addAll(exampleShape);
        if (isTokens()) {
            return manager.create(tokens, shape).toType(DataType.INT64, false);
        }
        NDArray x = manager.create(features, shape);
        return dtype == DataType.FLOAT32 ? x : x.toType(dtype, false);
    }

    /** The labels as an INT64 array of shape (n). */
    public NDArray labelArray(NDManager manager) {
        return manager.create(labels).toType(DataType.INT64, false);
    }

    /** The examples at the given indices, in that order (repeats allowed). */
    public Examples select(int[] indices) {
        int per = (int) exampleShape.size();
        int[] newLabels = new int[indices.length];
        float[] newFeatures = isTokens() ? null : new float[indices.length * per];
        int[] newTokens = isTokens() ? new int[indices.length * per] : null;
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException(
                        "index " + i + " is outside [0, " + size() + ")");
            }
            newLabels[j] = labels[i];
            if (isTokens()) {
                System.arraycopy(tokens, i * per, newTokens, j * per, per);
            } else {
                System.arraycopy(features, i * per, newFeatures, j * per, per);
            }
        }
        return new Examples(newFeatures, newTokens, exampleShape, vocabularySize, newLabels, numClasses);
    }

    /** The first n examples. */
    public Examples first(int n) {
        checkSubsetSize(n);
        return select(IndexSampling.range(n));
    }

    /**
     * n distinct examples drawn uniformly at random ({@code java.util.SplittableRandom(seed)}),
     * kept in their original order.
     */
    public Examples random(int n, long seed) {
        checkSubsetSize(n);
        return select(IndexSampling.choose(size(), n, seed));
    }

    /**
     * {@code perClass} examples of every class, drawn uniformly at random within each class
     * ({@code java.util.SplittableRandom(seed)}), kept in their original order.
     */
    public Examples balanced(int perClass, long seed) {
        if (perClass < 0) {
            throw new IllegalArgumentException("perClass must be >= 0, was " + perClass);
        }
        int[] counts = classCounts();
        for (int c = 0; c < numClasses; c++) {
            if (counts[c] < perClass) {
                throw new IllegalArgumentException("cannot take " + perClass + " examples per class: class "
                        + c + " has only " + counts[c]);
            }
        }
        // The first perClass examples of each class in a random order of all examples.
        int[] taken = new int[numClasses];
        int[] chosen = new int[perClass * numClasses];
        int k = 0;
        for (int i : IndexSampling.permutation(size(), seed)) {
            if (taken[labels[i]] < perClass) {
                taken[labels[i]]++;
                chosen[k++] = i;
            }
        }
        Arrays.sort(chosen);
        return select(chosen);
    }

    /**
     * A random split into training and test examples: round(trainFraction * size) examples
     * ({@code java.util.SplittableRandom(seed)}) train, the rest test; both keep the original order.
     */
    public Dataset split(String name, double trainFraction, long seed) {
        return splitTrainSize(name, TrainFraction.trainCount(trainFraction, size(), "examples"), seed);
    }

    /**
     * A random split with exactly {@code trainSize} training examples ({@code
     * java.util.SplittableRandom(seed)}); all the others test. Both keep the original order.
     */
    public Dataset splitTrainSize(String name, int trainSize, long seed) {
        if (trainSize < 1 || trainSize >= size()) {
            throw new IllegalArgumentException("trainSize must lie in [1, " + (size() - 1) + "] to leave "
                    + "examples on both sides of a split of " + size() + ", was " + trainSize);
        }
        int[] train = IndexSampling.choose(size(), trainSize, seed);
        return new Dataset(name, select(train), select(IndexSampling.complement(size(), train)));
    }

    private void checkSubsetSize(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("cannot take " + n + " of " + size() + " examples");
        }
    }

    /** Each example as one vector: shape (exampleShape.size()). */
    public Examples flatten() {
        return reshape(new Shape(exampleShape.size()));
    }

    /** The same values with a new per-example shape of equal size (e.g. flattening images). */
    public Examples reshape(Shape newExampleShape) {
        requireFeatures();
        if (valuesPerExample(newExampleShape) != exampleShape.size()) {
            throw new IllegalArgumentException(
                    "cannot reshape examples of shape " + exampleShape + " to " + newExampleShape);
        }
        return new Examples(features, null, newExampleShape, 0, labels, numClasses);
    }

    /** Examples with feature values mapped elementwise by {@code (v - shift) / scale}. */
    public Examples affine(float shift, float scale) {
        requireFeatures();
        if (!(scale != 0 && Float.isFinite(scale))) {
            throw new IllegalArgumentException("scale must be finite and nonzero, was " + scale);
        }
        float[] out = new float[features.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (features[i] - shift) / scale;
        }
        return withFeatures(out);
    }

    /** The same examples with other feature values of the same layout. */
    Examples withFeatures(float[] newFeatures) {
        requireFeatures();
        if (newFeatures.length != features.length) {
            throw new IllegalArgumentException("expected " + features.length + " feature values, got "
                    + newFeatures.length);
        }
        checkFinite(newFeatures, exampleShape.size());
        return new Examples(newFeatures, null, exampleShape, 0, labels, numClasses);
    }

    private void requireFeatures() {
        if (isTokens()) {
            throw new IllegalStateException("these examples hold tokens, not features");
        }
    }

    @Override
    public String toString() {
        return size() + " examples of shape " + exampleShape + (isTokens() ? " (tokens, vocabulary "
                + vocabularySize + ")" : "") + ", " + numClasses + " classes, class counts "
                + Arrays.toString(classCounts());
    }

    /** How many examples each class has. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}

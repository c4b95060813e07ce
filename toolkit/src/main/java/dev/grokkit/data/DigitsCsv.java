package dev.grokkit.data;

import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads scikit-learn's {@code digits.csv.gz}: one row per image, 64 integers 0..16 (an 8 x 8 image,
 * row-major) and the label 0..9. Examples have shape (1, 8, 8) and values v / 16 in [0, 1].
 */
final class DigitsCsv {

    static final int SIDE = 8;
    static final int MAX_VALUE = 16;
    static final int CLASSES = 10;

    private DigitsCsv() {
    }

    /** Reads line by line: a file of bad lines fails at the first, before anything is allocated for the rest. */
    static Examples read(DataSource source) {
        String content = new String(source.readAll(), StandardCharsets.US_ASCII).strip();
        int pixelsPerImage = SIDE * SIDE;
        float[] pixels = new float[0];
        int[] labels = new int[0];
        int row = 0;
        for (int start = 0; start <= content.length(); row++) {
            int end = content.indexOf('\n', start);
            end = end < 0 ? content.length() : end;
            String line = content.substring(start, end).strip();
            long fieldCount = 1 + line.chars().filter(c -> c == ',').count(); // counted, not split: lines may be huge
            if (fieldCount != pixelsPerImage + 1) {
                throw new DataFileException(source.name(), "line " + (row + 1) + " has " + fieldCount
                        + " fields, expected " + (pixelsPerImage + 1) + " (64 pixels and a label)");
            }
            String[] fields = line.split(",", -1);
            if (row == labels.length) {
                labels = Arrays.copyOf(labels, row + row / 2 + 16);
                pixels = Arrays.copyOf(pixels, labels.length * pixelsPerImage);
            }
            for (int j = 0; j < pixelsPerImage; j++) {
                pixels[row * pixelsPerImage + j] = parse(source, row, fields[j], MAX_VALUE) / (float) MAX_VALUE;
            }
            labels[row] = parse(source, row, fields[pixelsPerImage], CLASSES - 1);
            start = end + 1;
        }
        return Examples.ofFeatures(Arrays.copyOf(pixels, row * pixelsPerImage), new Shape(1, SIDE, SIDE),
                Arrays.copyOf(labels, row), CLASSES);
    }

    private static int parse(DataSource source, int row, String field, int max) {
        try {
            int value = Integer.parseInt(field.strip());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String shown = field.length() <= 20 ? "'" + field + "'"
                : "'" + field.substring(0, 20) + "...' (" + field.length() + " characters)";
        throw new DataFileException(source.name(), "line " + (row + 1) + ": " + shown
                + " is not an integer in 0.." + max);
    }
}

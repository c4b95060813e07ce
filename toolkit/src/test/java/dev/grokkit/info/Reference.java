package dev.grokkit.info;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The data and NumPy/SciPy values written by src/test/resources/info/reference.py. */
final class Reference {

    private Reference() {}

    static double[][] matrix(String name) {
        List<double[]> rows = new ArrayList<>();
        for (String line : lines(name + ".csv")) {
            String[] parts = line.split(",");
            double[] row = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                row[i] = Double.parseDouble(parts[i]);
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    static Map<String, Double> expected() {
        Map<String, Double> values = new HashMap<>();
        for (String line : lines("expected.csv")) {
            String[] parts = line.split(",");
            values.put(parts[0], Double.parseDouble(parts[1]));
        }
        return values;
    }

    private static List<String> lines(String file) {
        try (InputStream in = Reference.class.getResourceAsStream("/info/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /info/" + file);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.grokkit.spark;

import dev.grokkit.train.History;
import dev.grokkit.train.Sweep;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a Spark task sends back for one point: its history as the CSV a sweep saves (decimal text
 * that reads back to the same doubles) and its row of the sweep summary.
 */
record FinishedPoint<T>(T point, String historyName, String historyCsv, ShippedTable summaryRow)
        implements Serializable {

    /** The finished run of {@code point} in a one-point sweep's result. */
    static <T> FinishedPoint<T> of(T point, Sweep.Result<T> result) {
        History history = result.history(point);
        return new FinishedPoint<>(point, history.name(), csv(history), ShippedTable.of(result.summary()));
    }

    /** The summary row's numbers by column (a missing step as NaN), as a sweep's listener hears a finished run. */
    Map<String, Double> summaryValues() {
        Table row = summaryRow.toTable();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Column<?> c : row.columns()) {
            if (c instanceof NumericColumn<?> n) {
                values.put(c.name(), n.isMissing(0) ? Double.NaN : n.getDouble(0));
            }
        }
        return values;
    }

    /** The history, read back as {@link History#load} reads a saved sweep's. */
    History history() {
        Path file = null;
        try {
            file = Files.createTempFile("grokkit-history-", ".csv");
            Files.writeString(file, historyCsv, StandardCharsets.UTF_8);
            History history = History.load(file);
            history.setName(historyName);
            return history;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the history of " + point, e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static String csv(History history) {
        Path file = null;
        try {
            file = Files.createTempFile("grokkit-history-", ".csv");
            history.save(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history " + history.name(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left in the temporary directory
        }
    }
}

package dev.grokkit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What happened in a run: a Tablesaw {@link Table} with one row per logged step. Column "step"
 * (integer: updates done so far), then "train_loss", "train_acc", "test_loss", "test_acc" and
 * one double column per probe value. A value a probe did not measure at a step is missing.
 */
public final class History extends Table {

    /** The columns every history has, after "step". */
    public static final List<String> CORE_COLUMNS = List.of("train_loss", "train_acc", "test_loss", "test_acc");

    private History(String name, List<Column<?>> columns) {
        super(name, columns);
    }

    /** An empty history with "step" and the given value columns. */
    public static History create(String name, List<String> valueColumns) {
        List<Column<?>> columns = new ArrayList<>();
        columns.add(IntColumn.create("step"));
        for (String c : valueColumns) {
            if (c.equals("step")) {
                throw new IllegalArgumentException("'step' is not a value column");
            }
            columns.add(DoubleColumn.create(c));
        }
        return new History(name, columns);
    }

    /** Appends a row; columns absent from {@code values} are recorded as missing. */
    void append(long step, Map<String, Double> values) {
        if (step > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("step " + step + " exceeds the history's integer range");
        }
        for (String key : values.keySet()) {
            if (!containsColumn(key)) {
                throw new IllegalArgumentException("value for unknown column '" + key + "'");
            }
        }
        intColumn("step").append((int) step);
        for (int i = 1; i < columnCount(); i++) {
            Double v = values.get(column(i).name());
            DoubleColumn column = doubleColumn(i);
            if (v == null || Double.isNaN(v)) {
                column.appendMissing();
            } else {
                column.append(v);
            }
        }
    }

    /** The values of a column, missing as NaN. */
    public double[] values(String column) {
        if (!containsColumn(column)) {
            throw new IllegalArgumentException("no column '" + column + "'; columns: " + columnNames());
        }
        return column.equals("step") ? intColumn("step").asDoubleArray() : doubleColumn(column).asDoubleArray();
    }

    /** The steps of the rows. */
    public long[] steps() {
        IntColumn steps = intColumn("step");
        long[] out = new long[steps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = steps.getInt(i);
        }
        return out;
    }

    /** The last row as column -> value (step included), or an empty map. */
    public Map<String, Double> lastRow() {
        Map<String, Double> row = new LinkedHashMap<>();
        if (rowCount() == 0) {
            return row;
        }
        int last = rowCount() - 1;
        row.put("step", (double) intColumn("step").getInt(last));
        for (int i = 1; i < columnCount(); i++) {
            row.put(column(i).name(), doubleColumn(i).getDouble(last));
        }
        return row;
    }

    /** The last recorded value of a column (NaN if missing). */
    public double last(String column) {
        double[] v = values(column);
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    /** The rows with step at most {@code step}, as a new history. */
    public History upTo(long step) {
        History copy = create(name(), valueColumnNames());
        copy.append(where(intColumn("step").isLessThanOrEqualTo((int) step)));
        return copy;
    }

    /** Column names other than "step". */
    public List<String> valueColumnNames() {
        return columnNames().subList(1, columnCount());
    }

    /**
     * Writes the history as CSV (missing values as empty fields): to a temporary file renamed
     * into place, so the file is the old one or the new one, never half written.
     */
    public void save(Path csv) {
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try {
            Path parent = csv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            write().csv(tmp.toFile());
            Files.move(tmp, csv, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) { // Tablesaw reports a failed write as its writer's exception
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            IOException cause = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw new UncheckedIOException("cannot write history to " + csv + ": " + rootMessage(e), cause);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }

    /**
     * Reads a history written by {@link #save}. A file that is missing, empty, not UTF-8, or not
     * such a history (no leading "step" column, an empty or repeated column name, a row with the
     * wrong number of fields, a step that is not a whole number in the int range or does not follow
     * the step before, a value that is not a decimal number or Infinity, or that overflows) is an
     * IllegalArgumentException naming the file, the line and the problem.
     */
    public static History load(Path csv) {
        List<String> lines = readLines(csv);
        String[] header = lines.get(0).split(",", -1);
        if (!header[0].equals("step")) {
            throw badFile(csv, "does not start with a 'step' column: " + abbreviate(lines.get(0)));
        }
        List<String> valueColumns = List.of(header).subList(1, header.length);
        for (int j = 1; j < header.length; j++) {
            if (header[j].isBlank()) {
                throw badFile(csv, "line 1 has an empty column name (column " + (j + 1) + ")");
            }
            if (valueColumns.indexOf(header[j]) != j - 1 || header[j].equals("step")) {
                throw badFile(csv, "line 1 has the column '" + header[j] + "' twice");
            }
        }
        History history = create(csv.getFileName().toString(), valueColumns);
        long previous = -1;
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            if (fields.length != header.length) {
                throw badFile(csv, "line " + (i + 1) + " has " + fields.length + " fields, expected " + header.length);
            }
            long step = step(csv, i + 1, fields[0]);
            if (step <= previous) {
                throw badFile(csv, "line " + (i + 1) + ": step " + step + " does not follow step " + previous);
            }
            previous = step;
            Map<String, Double> row = new LinkedHashMap<>();
            for (int j = 1; j < fields.length; j++) {
                if (!fields[j].isBlank()) {
                    row.put(header[j], value(csv, i + 1, header[j], fields[j]));
                }
            }
            history.append(step, row);
        }
        return history;
    }

    private static List<String> readLines(Path csv) {
        if (Files.isDirectory(csv)) {
            throw badFile(csv, "is a directory, not a CSV file");
        }
        if (!Files.isRegularFile(csv)) {
            throw badFile(csv, "does not exist");
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw badFile(csv, "is empty");
            }
            return lines;
        } catch (CharacterCodingException e) {
            throw badFile(csv, "is not UTF-8 text (" + e + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history from " + csv, e);
        }
    }

    /** A step: a whole number in [0, Integer.MAX_VALUE]. */
    private static long step(Path csv, int line, String field) {
        if (field.strip().matches("\\d{1,10}")) {
            long step = Long.parseLong(field.strip());
            if (step <= Integer.MAX_VALUE) {
                return step;
            }
        }
        throw badFile(csv, "line " + line + ": step '" + abbreviate(field) + "' is not a whole number in [0, "
                + Integer.MAX_VALUE + "]");
    }

    /** A value: a decimal number in the double range, or (as saved for a diverged run) +-Infinity. */
    private static double value(Path csv, int line, String column, String field) {
        String text = field.strip();
        if (text.matches("[+-]?Infinity")) {
            return Double.parseDouble(text);
        }
        if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?")) {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
            throw badFile(csv, "line " + line + ": '" + abbreviate(field) + "' in column " + column
                    + " is outside the range of a double");
        }
        throw badFile(csv, "line " + line + ": '" + abbreviate(field) + "' in column " + column + " is not a number");
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static IllegalArgumentException badFile(Path csv, String problem) {
        return new IllegalArgumentException("history file " + csv + " " + problem);
    }
}

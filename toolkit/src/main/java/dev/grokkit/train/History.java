package dev.grokkit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

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
        try {
            Path parent = csv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
            write().csv(tmp.toFile());
            Files.move(tmp, csv, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history to " + csv, e);
        }
    }

    /**
     * Reads a history written by {@link #save}. A file that is missing, empty, or not such a
     * history (no leading "step" column, a row with the wrong number of fields, a step that is not
     * a whole number, a value that is not a number) is an IllegalArgumentException naming the file,
     * the line and the problem.
     */
    public static History load(Path csv) {
        List<String> lines = readLines(csv);
        String[] header = lines.get(0).split(",", -1);
        if (!header[0].equals("step")) {
            throw badFile(csv, "does not start with a 'step' column: " + lines.get(0));
        }
        for (int i = 1; i < lines.size(); i++) {
            checkRow(csv, i + 1, header, lines.get(i).split(",", -1));
        }
        ColumnType[] types = new ColumnType[header.length];
        types[0] = ColumnType.INTEGER;
        for (int i = 1; i < header.length; i++) {
            types[i] = ColumnType.DOUBLE;
        }
        Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types));
        return new History(t.name(), t.columns());
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history from " + csv, e);
        }
    }

    /** A data row: as many fields as the header, a whole-number step, numbers or empty fields after it. */
    private static void checkRow(Path csv, int line, String[] header, String[] fields) {
        if (fields.length != header.length) {
            throw badFile(csv, "line " + line + " has " + fields.length + " fields, expected " + header.length);
        }
        try {
            Integer.parseInt(fields[0].strip());
        } catch (NumberFormatException e) {
            throw badFile(csv, "line " + line + ": step '" + fields[0] + "' is not a whole number");
        }
        for (int j = 1; j < fields.length; j++) {
            if (fields[j].isBlank()) {
                continue;
            }
            try {
                Double.parseDouble(fields[j]);
            } catch (NumberFormatException e) {
                throw badFile(csv, "line " + line + ": '" + fields[j] + "' in column " + header[j]
                        + " is not a number");
            }
        }
    }

    private static IllegalArgumentException badFile(Path csv, String problem) {
        return new IllegalArgumentException("history file " + csv + " " + problem);
    }
}

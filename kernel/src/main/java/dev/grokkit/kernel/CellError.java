package dev.grokkit.kernel;

import java.util.List;

/**
 * What a cell reports when it fails, already in readable lines: a compile error with the
 * offending line marked, a runtime exception with the cell's frames, an interrupt or a bad magic.
 * {@link #getMessage()} is the one-line summary; {@link #lines()} is what the notebook shows.
 */
final class CellError extends Exception {

    private static final long serialVersionUID = 1L;
    private final String kind;
    private final List<String> lines;

    CellError(String kind, String summary, List<String> lines) {
        super(summary);
        this.kind = kind;
        this.lines = List.copyOf(lines);
    }

    /** A one-line error such as a bad magic argument. */
    static CellError of(String kind, String message) {
        return new CellError(kind, message, List.of(kind + ": " + message));
    }

    /** The error's kind as Jupyter's ename ("CompilationError", "java.lang.IllegalArgumentException", ...). */
    String kind() {
        return kind;
    }

    List<String> lines() {
        return lines;
    }
}

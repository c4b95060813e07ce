package dev.grokkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates Java code in one JShell session whose snippets run in this process on the cell
 * thread. A cell is split into snippets with JShell's own analysis and run in order; the first
 * failure stops the cell with a {@link CellError}. The value of a trailing expression is
 * returned as the object itself, so the kernel can render it.
 */
final class CodeEvaluator implements AutoCloseable {

    private final CellThreadExecutionControl control;
    private final JShell shell;

    /** {@code compilerOptions} go to JShell's compiler; {@code timeoutMillis} <= 0 means no time limit. */
    CodeEvaluator(List<String> compilerOptions, long timeoutMillis) {
        this.control = new CellThreadExecutionControl(timeoutMillis);
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "grokkit-cell-thread";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
    }

    /** Starts a cell: forgets a stop request that arrived while no cell was running. */
    void beginCell() {
        control.takeStopReason();
    }

    /** Runs code of the current cell; returns the trailing expression's value or null. */
    Object eval(String code) throws CellError {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        Object last = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source = info.completeness().isComplete() ? info.source() : remaining;
            remaining = info.completeness().isComplete() ? info.remaining() : "";
            last = evalSnippet(source);
            throwIfStopped();
        }
        return last;
    }

    private Object evalSnippet(String source) throws CellError {
        Object value = null;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                throw compilationError(snippet, event.status());
            }
            if (event.exception() != null) {
                throwIfStopped();
                throw runtimeError(event.exception());
            }
            Object result = control.takeValue(event.value());
            if (showsValue(snippet)) {
                value = result;
            }
        }
        return value;
    }

    /** A stop (interrupt or timeout) ends the cell; what ran before it stays defined. */
    private void throwIfStopped() throws CellError {
        String stopped = control.takeStopReason();
        if (stopped != null) {
            throw CellError.of("Interrupted", "the cell was " + stopped);
        }
    }

    /** An expression (including a temporary variable JShell made for it) shows its value. */
    private static boolean showsValue(Snippet snippet) {
        return snippet instanceof ExpressionSnippet
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CellError compilationError(Snippet snippet, Snippet.Status status) {
        String source = snippet.source();
        List<String> lines = new ArrayList<>();
        List<Diag> diagnostics = shell.diagnostics(snippet).collect(Collectors.toList());
        for (Diag d : diagnostics) {
            lines.add((d.isError() ? "error: " : "warning: ") + d.getMessage(Locale.ROOT));
            lines.addAll(marked(source, (int) d.getStartPosition(), (int) d.getEndPosition()));
        }
        if (status == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            List<String> missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                    .collect(Collectors.toList());
            lines.add("cannot be used until these are defined: " + String.join(", ", missing));
        }
        String summary = diagnostics.isEmpty() ? "the code does not compile"
                : diagnostics.get(0).getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new CellError("CompilationError", summary, lines);
    }

    /** The source line holding [start, end) with a caret line under the span. */
    static List<String> marked(String source, int start, int end) {
        if (start < 0 || start > source.length()) {
            return List.of();
        }
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        int lineNumber = (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        String prefix = String.format(Locale.ROOT, "%4d | ", lineNumber);
        int width = Math.max(1, Math.min(end, lineEnd) - start);
        return List.of(prefix + source.substring(lineStart, lineEnd),
                " ".repeat(prefix.length() + start - lineStart) + "^".repeat(width));
    }

    private static CellError runtimeError(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException) {
            Snippet snippet = ((UnresolvedReferenceException) exception).getSnippet();
            return CellError.of("UnresolvedReference", "'" + snippet.source().strip()
                    + "' uses something that is not defined yet");
        }
        EvalException e = (EvalException) exception;
        String name = e.getExceptionClassName();
        String message = readable(e.getMessage());
        List<String> lines = new ArrayList<>();
        lines.add(name + (message == null ? "" : ": " + message));
        appendFrames(e, lines);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String causeName = cause instanceof EvalException
                    ? ((EvalException) cause).getExceptionClassName() : cause.getClass().getName();
            lines.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + readable(cause.getMessage())));
            appendFrames(cause, lines);
        }
        return new CellError(name, message == null ? name : message, lines);
    }

    /** The frames down to the cell's own code; JShell's wrapper frames (file "#n") read as "cell". */
    private static void appendFrames(Throwable t, List<String> lines) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String file = frame.getFileName();
            if (frame.getClassName().startsWith("REPL.") || (file != null && file.startsWith("#"))) {
                lines.add("    at cell" + (frame.getLineNumber() > 0 ? " line " + frame.getLineNumber() : ""));
                break;
            }
            lines.add("    at " + frame);
        }
    }

    /** A message without JShell's wrapper class names ("REPL.$JShell$27.o" reads "o"). */
    private static String readable(String message) {
        return message == null ? null : message.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]?\\.", "");
    }

    /** Completion candidates at {@code cursor}; {@code anchor[0]} receives where the replaced text starts. */
    List<SourceCodeAnalysis.Suggestion> complete(String code, int cursor, int[] anchor) {
        return shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
    }

    /** Signatures and, with {@code javadoc}, documentation of what is at {@code cursor}. */
    List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor, boolean javadoc) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, javadoc);
    }

    /** JShell's verdict on whether {@code code} is a complete snippet sequence. */
    SourceCodeAnalysis.Completeness completeness(String code) {
        String remaining = code;
        SourceCodeAnalysis.Completeness last = SourceCodeAnalysis.Completeness.EMPTY;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            last = info.completeness();
            if (!last.isComplete()) {
                return last;
            }
            remaining = info.remaining();
        }
        return last;
    }

    /** Adds a jar or directory to both the compiler's and the snippets' class path. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Asks the running cell to stop (see {@link CellThreadExecutionControl#stop(String)}). */
    void interrupt() {
        control.stop("interrupted");
    }

    @Override
    public void close() {
        shell.close();
    }
}

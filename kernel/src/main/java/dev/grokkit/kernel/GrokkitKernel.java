package dev.grokkit.kernel;

import dev.grokkit.train.RunListeners;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.LineMagicArgs;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The grokkit Jupyter kernel: Java cells in the IJava dialect, run by JShell in this process
 * with the toolkit on the class path. A cell is a sequence of Java snippets and line magics
 * ({@code %jars}, {@code %classpath}, {@code %load}, {@code %maven}), run in order; its trailing
 * expression is rendered (charts as images, tables as HTML). Training runs show a live progress
 * view. Start-up runs JShell's usual imports, {@code notebook-imports.jsh} and then the IJava
 * start-up settings.
 */
public final class GrokkitKernel extends BaseKernel {

    /** JShell's own default imports, as the jshell tool has them. */
    static final String JSHELL_DEFAULT_IMPORTS = String.join("\n", "import java.io.*;", "import java.math.*;",
            "import java.net.*;", "import java.nio.file.*;", "import java.util.*;", "import java.util.concurrent.*;",
            "import java.util.function.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import java.util.stream.*;");
    static final String NOTEBOOK_IMPORTS = "notebook-imports.jsh";
    private static final Pattern MAGIC_LINE = Pattern.compile("^\\s*%\\w.*$");

    private final CodeEvaluator evaluator;
    private final KernelMagics magics;
    private final MagicParser magicParser = new MagicParser();
    private final LanguageInfo languageInfo = new LanguageInfo.Builder("Java")
            .version(Runtime.version().toString()).mimetype("text/x-java-source").fileExtension(".jshell")
            .pygments("java").codemirror("java").build();

    public GrokkitKernel(KernelEnvironment environment) throws Exception {
        setShouldReplaceStdStreams(false); // eval installs batched streams instead of one message per line
        ExitGuard.install();
        this.evaluator = new CodeEvaluator(environment.compilerOptions(), environment.timeoutMillis());
        this.magics = new KernelMagics(evaluator, new MavenResolver(MavenResolver.defaultLocalRepository()),
                this::runCell);
        Renderers.registerAll(getRenderer());
        Display.attach(this);
        RunListeners.setDefault(() -> new NotebookProgress(
                (id, data) -> { data.setDisplayId(id); display(data); },
                (id, data) -> getIO().display.updateDisplay(id, data)));
        startUp(environment);
    }

    private void startUp(KernelEnvironment environment) throws Exception {
        evaluator.beginCell();
        evaluator.eval(JSHELL_DEFAULT_IMPORTS + "\nimport static dev.grokkit.kernel.Display.*;\n" + notebookImports());
        if (!environment.classpath().isEmpty()) {
            for (Path entry : KernelMagics.matching(environment.classpath(), false, "IJAVA_CLASSPATH")) {
                evaluator.addToClasspath(entry.toAbsolutePath().toString());
            }
        }
        if (!environment.startupScriptPaths().isEmpty()) {
            for (Path script : KernelMagics.matching(environment.startupScriptPaths(), true,
                    "IJAVA_STARTUP_SCRIPTS_PATH")) {
                runCell(KernelMagics.readScript(script, "IJAVA_STARTUP_SCRIPTS_PATH"));
            }
        }
        if (!environment.startupScript().isBlank()) {
            runCell(environment.startupScript());
        }
    }

    /** The toolkit imports shared with environment/jshell. */
    static String notebookImports() throws IOException {
        try (InputStream in = GrokkitKernel.class.getResourceAsStream(NOTEBOOK_IMPORTS)) {
            if (in == null) {
                throw new IllegalStateException(NOTEBOOK_IMPORTS + " is missing from the kernel jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "grokkit kernel: Java " + Runtime.version() + " (JShell) with the grokkit toolkit";
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        evaluator.beginCell();
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        PrintStream cellOut = new PrintStream(new BatchedOutput(getIO().out), false, StandardCharsets.UTF_8);
        PrintStream cellErr = new PrintStream(new BatchedOutput(getIO().err), false, StandardCharsets.UTF_8);
        System.setOut(cellOut);
        System.setErr(cellErr);
        System.setIn(getIO().in);
        try {
            Object value = runCell(code);
            return value == null ? null : getRenderer().render(value);
        } finally {
            cellOut.flush(); // everything printed is sent before the cell's result and reply
            cellErr.flush();
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    /** Runs the cell's code and magics in order; returns the value of a trailing expression. */
    private Object runCell(String code) throws Exception {
        StringBuilder pending = new StringBuilder();
        for (String line : code.split("\\R", -1)) {
            if (!MAGIC_LINE.matcher(line).matches()) {
                pending.append(line).append('\n');
                continue;
            }
            evaluator.eval(pending.toString());
            pending.setLength(0);
            LineMagicArgs magic = parseMagic(line.strip());
            try {
                magics.apply(magic.getName(), magic.getArgs());
            } catch (CellError e) {
                throw e;
            } catch (Exception e) {
                String prefix = "%" + magic.getName();
                String message = String.valueOf(e.getMessage());
                throw CellError.of("MagicError", message.startsWith(prefix) ? message : prefix + ": " + message);
            }
        }
        return evaluator.eval(pending.toString());
    }

    private LineMagicArgs parseMagic(String line) {
        LineMagicArgs[] parsed = new LineMagicArgs[1];
        magicParser.transformLineMagics(line, context -> {
            parsed[0] = context.getMagicCall();
            return "";
        });
        return parsed[0];
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError) {
            List<String> lines = new ArrayList<>(((CellError) e).lines());
            lines.set(0, errorStyler.secondary(lines.get(0)));
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = {at};
        Set<String> options = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : evaluator.complete(code, at, anchor)) {
            options.add(s.continuation());
        }
        return options.isEmpty() ? null : new ReplacementOptions(new ArrayList<>(options), anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = evaluator.documentation(code, at, true);
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(d -> d.signature() + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n" + d.javadoc()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public String isComplete(String code) {
        String withoutMagics = code.lines().map(l -> MAGIC_LINE.matcher(l).matches() ? "" : l)
                .collect(Collectors.joining("\n"));
        switch (evaluator.completeness(withoutMagics)) {
            case COMPLETE:
            case COMPLETE_WITH_SEMI:
            case EMPTY:
                return IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE:
            case CONSIDERED_INCOMPLETE:
                return "    ";
            default:
                return IS_COMPLETE_BAD;
        }
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
    }
}

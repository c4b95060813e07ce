package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's evaluation machinery in process (what the Jupyter handlers call): values and
 * variables across cells, readable errors, completion, is-complete, rendering of tables, charts
 * and runs, magics, and interrupts that keep the session and its variables.
 */
class GrokkitKernelTest {

    private static GrokkitKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        kernel = new GrokkitKernel(KernelEnvironment.from(Map.of("IJAVA_STARTUP_SCRIPT", "int startupValue = 7;")));
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    private static String text(DisplayData data) {
        return String.valueOf(data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void trailingExpressionIsTheResultAndVariablesPersist() throws Exception {
        assertEquals("2", text(kernel.eval("1 + 1")));
        assertNull(kernel.eval("int kept = 20;"));
        assertEquals("42", text(kernel.eval("kept * 2 + 2")));
        assertEquals("7", text(kernel.eval("startupValue")), "IJAVA_STARTUP_SCRIPT ran");
    }

    @Test
    void notebookImportsAreInScope() throws Exception {
        DisplayData table = kernel.eval("Table.create(\"t\", IntColumn.create(\"a\", new int[] {1, 2, 3}))");
        assertTrue(String.valueOf(table.getData(MIMEType.TEXT_HTML)).contains("<td>3</td>"));
        assertNotNull(kernel.eval("ModularArithmetic.builder()"));
    }

    @Test
    void compileErrorNamesTheProblemAndMarksTheCode() {
        CellError e = assertThrows(CellError.class, () -> kernel.eval("int broken = \"text\";"));
        assertEquals("CompilationError", e.kind());
        String shown = String.join("\n", e.lines());
        assertTrue(shown.contains("incompatible types"), shown);
        assertTrue(shown.contains("int broken = \"text\";") && shown.contains("^^^^^^"), shown);
    }

    @Test
    void runtimeErrorShowsTheExceptionAndTheCellLine() {
        CellError e = assertThrows(CellError.class, () -> kernel.eval(
                "void fail() { throw new IllegalStateException(\"no way\"); }\nfail();"));
        assertEquals("java.lang.IllegalStateException", e.kind());
        assertEquals("no way", e.getMessage());
        assertTrue(e.lines().stream().anyMatch(l -> l.startsWith("    at cell")), String.join("\n", e.lines()));
    }

    @Test
    void aFailingSnippetStopsTheRestOfTheCell() {
        assertThrows(CellError.class, () -> kernel.eval("int before = 1;\nint x = 1 / 0;\nint after = 2;"));
        assertThrows(CellError.class, () -> kernel.eval("after"));
    }

    @Test
    void completionAndCompleteness() {
        ReplacementOptions options = kernel.complete("Syst", 4);
        assertTrue(options.getReplacements().contains("System"), options.getReplacements().toString());
        assertEquals(0, options.getSourceStart());
        assertTrue(kernel.complete("Experiment.buil", 15).getReplacements().stream().anyMatch(s -> s.startsWith("builder")));
        assertEquals("complete", kernel.isComplete("int y = 1;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("complete", kernel.isComplete("%jars a.jar\nint z = 2;"));
    }

    @Test
    void inspectionGivesTheSignature() {
        DisplayData doc = kernel.inspect("Math.max(", 9, false);
        assertNotNull(doc);
        assertTrue(text(doc).contains("max("), text(doc));
    }

    @Test
    void chartsRenderAsPngAndSvgOnRequest() throws Exception {
        kernel.eval("var chart = new XYChartBuilder().width(300).height(200).title(\"c\").build();\n"
                + "chart.addSeries(\"y\", new double[] {0, 1, 2}, new double[] {0, 1, 4});");
        DisplayData png = kernel.eval("chart");
        assertTrue(String.valueOf(png.getData(MIMEType.IMAGE_PNG)).startsWith("iVBORw0KGgo"), "a base64 PNG");
        assertEquals("true", text(kernel.eval("String.valueOf(render(chart, \"image/svg+xml\")"
                + ".getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG)).contains(\"<svg\")")));
    }

    @Test
    void magicsLoadScriptsAndReportBadArguments(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("defs.jsh");
        Files.writeString(script, "int loadedValue = 42;\n");
        kernel.eval("%load " + script);
        assertEquals("42", text(kernel.eval("loadedValue")));
        CellError e = assertThrows(CellError.class, () -> kernel.eval("%jars " + dir.resolve("none*.jar")));
        assertEquals("MagicError", e.kind());
        CellError unknown = assertThrows(CellError.class, () -> kernel.eval("%nosuchmagic"));
        assertEquals("MagicError", unknown.kind());
    }

    @Test
    void badMagicArgumentsAreNamedAndChangeNothing(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first.jsh"), "int partlyLoaded = 1;\n");
        Path missing = dir.resolve("missing.jsh");
        CellError load = assertThrows(CellError.class, () -> kernel.eval("%load " + first + " " + missing));
        assertEquals("MagicError", load.kind());
        assertEquals("%load: no file " + missing, load.getMessage());
        assertThrows(CellError.class, () -> kernel.eval("partlyLoaded"), "no script ran");

        Path none = dir.resolve("none.jar");
        CellError jars = assertThrows(CellError.class, () -> kernel.eval("%jars " + none));
        assertEquals("%jars: nothing matches '" + none + "'", jars.getMessage());

        CellError maven = assertThrows(CellError.class,
                () -> kernel.eval("%maven org.example:surely-absent:1.0 not-coordinates"));
        assertEquals("MagicError", maven.kind());
        assertTrue(maven.getMessage().startsWith("%maven: coordinates must be group:artifact[:extension[:classifier]]:version,"
                + " was 'not-coordinates'"), maven.getMessage());
        assertEquals("3", text(kernel.eval("1 + 2")), "the session lives on");
    }

    @Test
    void jarsMagicAddsToTheClassPath(@TempDir Path dir) throws Exception {
        Path jar = TestJars.helloJar(dir);
        kernel.eval("%jars " + jar);
        assertEquals("hello from demo", text(kernel.eval("demo.Hello.hi()")));
    }

    @Test
    void interruptStopsATrainingRunThatKeepsItsHistoryAndResumes(@TempDir Path dir) throws Exception {
        kernel.eval("var longExperiment = Experiment.builder()"
                + ".data(ModularArithmetic.builder().modulus(11).operation(Operation.ADD).trainFraction(0.5).seed(0)"
                + ".form(ModularArithmetic.Form.PAIRS).build())"
                + ".model(Models.embeddingMlp().embeddingDim(8).hidden(16))"
                + ".optimizer(Optimizers.adamW().learningRate(1e-3)).steps(10_000_000).fullBatch().seed(0)"
                + ".logEvery(10).checkpoints(java.nio.file.Path.of(\"" + dir + "\"), 1000)"
                + ".listener(() -> new RunListener() {\n"
                + "    public void logged(long step, Map<String, Double> row) {\n"
                + "        if (step >= 20) dev.grokkit.kernel.TestSignals.TRAINING.countDown();\n"
                + "    }\n"
                + "}).build();");
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.eval("var interrupted = longExperiment.run();\nint notReached = 1;");
            } catch (Exception e) {
                return e;
            }
        });
        assertTrue(TestSignals.TRAINING.await(120, TimeUnit.SECONDS), "the run started");
        kernel.interrupt();
        Object outcome = cell.get(30, TimeUnit.SECONDS);
        assertTrue(outcome instanceof CellError && ((CellError) outcome).kind().equals("Interrupted"),
                String.valueOf(outcome));
        assertEquals("true", text(kernel.eval("interrupted.steps() > 0 && interrupted.steps() < 10_000_000")));
        assertEquals("true", text(kernel.eval("interrupted.history().rowCount() > 0")));
        assertTrue(interruptedReason().startsWith("interrupted"), interruptedReason());
        assertThrows(CellError.class, () -> kernel.eval("notReached"), "the rest of the cell did not run");
        // the interrupted run's last checkpoint is at the step it stopped: resuming continues from there
        kernel.eval("var resumed = longExperiment.withSteps(interrupted.steps() + 20).resume();");
        assertEquals("true", text(kernel.eval("resumed.steps() == interrupted.steps() + 20")));
        assertEquals("true", text(kernel.eval("resumed.history().upTo(interrupted.steps()).print()"
                + ".equals(interrupted.history().print())")));
        kernel.eval("interrupted.close();\nresumed.close();");
    }

    private static String interruptedReason() throws Exception {
        return text(kernel.eval("interrupted.stopReason()")).replace("\"", "");
    }

    @Test
    void interruptStopsCodeThatIgnoresItAndTheSessionLivesOn() throws Exception {
        kernel.eval("long spins = 0;");
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.eval("while (true) { dev.grokkit.kernel.TestSignals.SPINNING.countDown(); spins++; }");
            } catch (Exception e) {
                return e;
            }
        });
        assertTrue(TestSignals.SPINNING.await(120, TimeUnit.SECONDS), "the loop started");
        kernel.interrupt();
        Object outcome = cell.get(30, TimeUnit.SECONDS);
        assertTrue(outcome instanceof CellError && ((CellError) outcome).kind().equals("Interrupted"),
                String.valueOf(outcome));
        assertEquals("true", text(kernel.eval("spins > 0")));
        assertEquals("3", text(kernel.eval("1 + 2")));
    }

    @Test
    void codeThatSurvivesTheHardStopIsAbandonedWithAnErrorThatSaysSoAndTheSessionLivesOn() throws Exception {
        kernel.eval("long caught = 0;");
        // every statement inside a try: a ThreadDeath lands in a catch, whichever instruction it hits
        String unstoppable = "for (;;) try { for (;;) try {\n"
                + "    dev.grokkit.kernel.TestSignals.CATCHING.countDown(); Thread.sleep(5);\n"
                + "} catch (Throwable t) { caught++; } } catch (Throwable t) { caught++; }";
        CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
            try {
                return kernel.eval(unstoppable);
            } catch (Exception e) {
                return e;
            }
        });
        assertTrue(TestSignals.CATCHING.await(120, TimeUnit.SECONDS), "the loop started");
        kernel.interrupt();
        Object outcome = cell.get(20, TimeUnit.SECONDS); // interrupt, 2 s grace, 3 s of hard stops, then abandoned
        assertTrue(outcome instanceof CellError && ((CellError) outcome).kind().equals("Interrupted"),
                String.valueOf(outcome));
        String message = ((CellError) outcome).getMessage();
        assertTrue(message.contains("did not stop") && message.contains("restart the kernel"), message);
        assertEquals("true", text(kernel.eval("caught > 0")), "the hard stop was tried");
        assertEquals("3", text(kernel.eval("1 + 2")), "later cells run on a new thread");
    }

    @Test
    void systemExitInACellIsRefusedAsTheCellsErrorAndTheSessionLivesOn() throws Exception {
        kernel.eval("int beforeExit = 5;");
        for (String exit : new String[] {"System.exit(1);", "Runtime.getRuntime().halt(3);",
                "Runtime.getRuntime().exit(4);"}) {
            CellError e = assertThrows(CellError.class, () -> kernel.eval(exit));
            assertEquals("java.lang.SecurityException", e.kind(), exit);
            assertTrue(e.getMessage().contains(") was refused") && e.getMessage().contains("restart the kernel"),
                    e.getMessage());
        }
        // a thread the cell starts cannot exit either: its exception ends that thread only
        kernel.eval("var exiter = new Thread(() -> System.exit(2));\nexiter.start();\nexiter.join();");
        assertEquals("5", text(kernel.eval("beforeExit")));
    }

    @Test
    void displayOfNullIsAClearError() throws Exception {
        for (String call : new String[] {"display(null)", "render(null)", "updateDisplay(\"id\", null)",
                "updateDisplay(null, 1)"}) {
            CellError e = assertThrows(CellError.class, () -> kernel.eval(call));
            assertEquals("java.lang.IllegalArgumentException", e.kind(), call);
            assertTrue(e.getMessage().contains("is null"), call + ": " + e.getMessage());
        }
    }

    @Test
    void magicsNameAMissingFolderAndAFileThatIsNotText(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("no-such-folder");
        CellError jars = assertThrows(CellError.class, () -> kernel.eval("%jars " + folder + "/*.jar"));
        assertEquals("%jars: '" + folder + "/*.jar': there is no folder " + folder, jars.getMessage());
        Path binary = Files.write(dir.resolve("binary.jsh"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        CellError load = assertThrows(CellError.class, () -> kernel.eval("%load " + binary));
        assertEquals("%load: " + binary + " is not UTF-8 text", load.getMessage());
        CellError folderAsScript = assertThrows(CellError.class, () -> kernel.eval("%load " + dir));
        assertEquals("%load: no file " + dir, folderAsScript.getMessage());
    }

    @Test
    void runsRenderAsHtmlSummaries() throws Exception {
        kernel.eval("var small = Experiment.builder()"
                + ".data(ModularArithmetic.builder().modulus(7).operation(Operation.ADD).trainFraction(0.5).seed(0)"
                + ".form(ModularArithmetic.Form.PAIRS).build())"
                + ".model(Models.embeddingMlp().embeddingDim(4).hidden(8))"
                + ".optimizer(Optimizers.adamW().learningRate(1e-3)).steps(20).fullBatch().seed(0).logEvery(10)"
                + ".build().run();");
        DisplayData run = kernel.eval("small");
        assertTrue(String.valueOf(run.getData(MIMEType.TEXT_HTML)).contains("grokkit-run"));
        DisplayData history = kernel.eval("small.history()");
        assertTrue(String.valueOf(history.getData(MIMEType.TEXT_HTML)).contains("<th>test_acc</th>"));
        DisplayData chart = kernel.eval("Charts.lines(small.history(), \"step\", \"train_acc\", \"test_acc\")");
        assertNotNull(chart.getData(MIMEType.IMAGE_PNG));
        kernel.eval("small.close();");
    }
}

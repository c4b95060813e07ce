package dev.grokkit.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The notebooks as a person sees them: the classic Jupyter Notebook UI in Debian's Chromium,
 * driven through its menus and toolbar by Selenium, with the kernel this build made. Opens
 * 00-tour at smoke scale, runs all cells from the Cell menu and checks what the page shows:
 * no error output, every chart an image that loaded, tables as HTML tables, the training
 * cell's live view finished into its final chart and summary. Then interrupts a long training
 * run with the toolbar's stop button, and restarts the kernel from the Kernel menu and runs the
 * tour again. Screenshots go to target/browser/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration RUN_ALL = Duration.ofMinutes(8);

    /** A training cell long enough to be interrupted (a million steps of x+y mod 23). */
    private static final String LONG_TRAINING = String.join("\n",
            "var run = Experiment.builder()",
            "        .data(ModularArithmetic.builder().modulus(23).trainFraction(0.5).seed(0).build())",
            "        .model(Models.embeddingMlp().embeddingDim(16).hidden(32))",
            "        .optimizer(Optimizers.adamW().learningRate(1e-3))",
            "        .steps(1_000_000).fullBatch().seed(0).logEvery(10)",
            "        .build().run();",
            "run");
    private static final String AFTER_INTERRUPT = "System.out.println(\"kept: \" + run.steps() + \" steps, \" + run.stopReason());";

    private static Path home;
    private static Process server;
    private static String base;
    private static String token;
    private static WebDriver browser;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(Files.isExecutable(tool), tool + " is missing: environment/install installs Debian's chromium "
                    + "and chromium-driver, which this test drives");
        }
        home = Files.createTempDirectory("grokkit-browser");
        Path notebooks = Files.createDirectories(home.resolve("notebooks"));
        Files.copy(Path.of("..", "notebooks", "00-tour.ipynb"), notebooks.resolve("00-tour.ipynb"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(notebooks.resolve("interrupt.ipynb"), notebook(LONG_TRAINING, AFTER_INTERRUPT));
        Path jupyterPath = KernelspecForTests.create(home.resolve("jupyter"));
        Files.createDirectories(SCREENSHOTS);

        int port = freePort();
        token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        base = "http://127.0.0.1:" + port;
        ProcessBuilder pb = new ProcessBuilder("jupyter", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks).redirectErrorStream(true)
                .redirectOutput(SCREENSHOTS.resolve("jupyter-server.log").toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        pb.environment().put("GROKKIT_SCALE", "smoke");
        server = pb.start();
        awaitServer();

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + home.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void theTourRunsFromTheCellMenuAndShowsItsChartsTablesAndLiveView() {
        open("00-tour.ipynb");
        screenshot("tour-before");
        menu("#celllink", "#run_all_cells");
        awaitAllCellsRun();
        screenshot("tour-after");
        assertShowsTheTour();
    }

    @Test
    @Order(2)
    void theToolbarsStopButtonInterruptsTrainingAndTheRunIsKept() {
        open("interrupt.ipynb");
        menu("#celllink", "#run_all_cells");
        WebElement training = codeCells().get(0);
        // The live view appears while the cell runs, and is updated in place.
        double first = waitFor(Duration.ofMinutes(3), "the training cell's live view",
                () -> progress(training) > 0 ? progress(training) : null);
        double later = waitFor(Duration.ofMinutes(1), "the live view to advance past " + first,
                () -> progress(training) > first ? progress(training) : null);
        assertEquals(1, training.findElements(By.cssSelector(".grokkit-progress")).size(),
                "the live view is one display updated in place, not one per update");
        screenshot("interrupt-running");
        assertTrue(running(training), "the training cell should still be running at progress " + later);

        long start = System.nanoTime();
        browser.findElement(By.cssSelector("button[data-jupyter-action='jupyter-notebook:interrupt-kernel']")).click();
        waitFor(Duration.ofSeconds(20), "the interrupted training cell to finish", () -> running(training) ? null : true);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "the stop button took " + seconds + " s to stop training");

        WebElement after = codeCells().get(1);
        after.findElement(By.cssSelector(".input_area")).click();
        browser.findElement(By.cssSelector("button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']")).click();
        String kept = waitFor(Duration.ofSeconds(60), "the next cell to print the kept run",
                () -> outputText(after).contains("kept:") ? outputText(after) : null);
        screenshot("interrupt-after");
        assertTrue(kept.contains("interrupted"), "the run kept in its variable should say it was interrupted: " + kept);
        List<String> errors = errors();
        assertEquals(1, errors.size(), "only the interrupted cell reports an error: " + errors);
        assertTrue(errors.get(0).contains("interrupted"), "the interrupted cell says it was interrupted: " + errors);
    }

    @Test
    @Order(3)
    void restartingTheKernelFromTheMenuAndRunningAgainWorks() {
        open("00-tour.ipynb");
        menu("#kernellink", "#restart_kernel");
        WebElement confirm = waitFor(Duration.ofSeconds(20), "the restart dialog", () -> browser
                .findElements(By.cssSelector(".modal-footer button.btn-danger")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        confirm.click();
        waitFor(Duration.ofMinutes(2), "the restarted kernel to be idle", () -> kernelIdle() ? true : null);
        menu("#celllink", "#run_all_cells");
        awaitAllCellsRun();
        screenshot("tour-after-restart");
        assertShowsTheTour();
    }

    private static void assertShowsTheTour() {
        assertEquals(List.of(), errors(), "cells with error outputs");
        List<WebElement> cells = codeCells();
        int charts = 0;
        int tables = 0;
        for (WebElement cell : cells) {
            String expression = trailingExpression(cell);
            if (expression.contains("Chart") || expression.startsWith("Charts.")) {
                List<WebElement> images = cell.findElements(By.cssSelector(".output_area img"));
                assertEquals(1, images.size(), "chart cell '" + expression + "' should show one image");
                assertTrue(loaded(images.get(0)), "the chart of '" + expression + "' did not load (naturalWidth 0)");
                charts++;
            } else if (expression.matches("history\\.(first|last)\\(\\d+\\)")) {
                List<WebElement> rows = cell.findElements(By.cssSelector(".output_html table tbody tr"));
                assertTrue(!rows.isEmpty(), "table cell '" + expression + "' should show an HTML table");
                tables++;
            }
        }
        assertTrue(charts >= 3, "the tour has at least three chart cells; found " + charts);
        assertTrue(tables >= 1, "the tour has a table cell; found " + tables);
        for (WebElement image : browser.findElements(By.cssSelector(".output_area img"))) {
            assertTrue(loaded(image), "an image in the outputs did not load");
        }
        WebElement training = cells.stream().filter(c -> source(c).contains(".run()")).findFirst().orElseThrow();
        WebElement live = training.findElement(By.cssSelector(".grokkit-progress"));
        assertTrue(live.getText().contains("("), "the finished live view names why the run ended: " + live.getText());
        assertTrue(loaded(live.findElement(By.tagName("img"))), "the finished live view shows its final chart");
        assertEquals(1, training.findElements(By.cssSelector(".grokkit-run")).size(), "the run's summary");
    }

    private static void open(String notebook) {
        browser.get(base + "/notebooks/" + notebook + "?token=" + token);
        waitFor(Duration.ofMinutes(2), "the kernel of " + notebook + " to be idle", () -> kernelIdle() ? true : null);
    }

    /** Clicks a menu, then one of its items, as a person does. */
    private static void menu(String menu, String item) {
        browser.findElement(By.cssSelector(menu)).click();
        WebElement entry = waitFor(Duration.ofSeconds(10), "menu item " + item,
                () -> browser.findElement(By.cssSelector(item)).isDisplayed() ? browser.findElement(By.cssSelector(item)) : null);
        entry.findElement(By.tagName("a")).click();
    }

    private static void awaitAllCellsRun() {
        waitFor(RUN_ALL, "every code cell to run", () -> {
            List<WebElement> cells = codeCells();
            boolean done = cells.stream().allMatch(c -> prompt(c).matches("In\\s*\\[\\d+\\]:"));
            return done && kernelIdle() ? true : null;
        });
    }

    private static List<WebElement> codeCells() {
        return browser.findElements(By.cssSelector("#notebook-container .cell.code_cell"));
    }

    private static String prompt(WebElement cell) {
        return cell.findElement(By.cssSelector(".input_prompt")).getText().strip();
    }

    private static boolean running(WebElement cell) {
        return prompt(cell).contains("*");
    }

    private static String source(WebElement cell) {
        return (String) js("return arguments[0].querySelector('.CodeMirror').CodeMirror.getValue();", cell);
    }

    private static String trailingExpression(WebElement cell) {
        List<String> lines = source(cell).strip().lines().toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        return last.endsWith(";") ? "" : last;
    }

    private static String outputText(WebElement cell) {
        return cell.findElement(By.cssSelector(".output_wrapper")).getText();
    }

    private static double progress(WebElement cell) {
        List<WebElement> bars = cell.findElements(By.cssSelector(".grokkit-progress progress"));
        return bars.isEmpty() ? 0 : Double.parseDouble(bars.get(0).getAttribute("value"));
    }

    private static boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(js("return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
    }

    /** The error outputs on the page, as "In [n]: ename: evalue". */
    @SuppressWarnings("unchecked")
    private static List<String> errors() {
        return (List<String>) js("return Jupyter.notebook.get_cells().flatMap(c => (c.output_area ? c.output_area.outputs : [])"
                + ".filter(o => o.output_type === 'error').map(o => 'In [' + c.input_prompt_number + ']: ' + o.ename"
                + " + ': ' + o.evalue));");
    }

    private static boolean kernelIdle() {
        return !browser.findElements(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")).isEmpty();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static <T> T waitFor(Duration timeout, String what, Supplier<T> condition) {
        try {
            return new WebDriverWait(browser, timeout, Duration.ofMillis(100)).withMessage("waiting for " + what)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> condition.get());
        } catch (RuntimeException e) {
            screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("BrowserIT: no screenshot " + name + ": " + e);
        }
    }

    private static void awaitServer() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "jupyter notebook exited; see " + SCREENSHOTS.resolve("jupyter-server.log"));
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/status?token=" + token))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("jupyter notebook did not answer within 60 s; see " + SCREENSHOTS.resolve("jupyter-server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A notebook for the grokkit kernel whose code cells are {@code sources}. */
    private static String notebook(String... sources) {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < sources.length; i++) {
            cells.append(i == 0 ? "" : ",").append("{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"c")
                    .append(i).append("\", \"metadata\": {}, \"outputs\": [], \"source\": ").append(json(sources[i])).append('}');
        }
        return "{\"cells\": [" + cells + "], \"metadata\": {\"kernelspec\": {\"display_name\": \"Java (grokkit)\", "
                + "\"language\": \"java\", \"name\": \"java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

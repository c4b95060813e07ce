package dev.grokkit.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook in notebooks/ executed headless at GROKKIT_SCALE=smoke (set by failsafe) through
 * the kernel this build made, with `jupyter nbconvert --execute`; any cell error fails the test.
 * nbconvert comes with environment/install.
 */
class NotebooksIT {

    private static final Path NOTEBOOKS = Path.of("..", "notebooks");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAtSmokeScale() throws IOException {
        assertTrue(KernelspecForTests.works("jupyter", "nbconvert", "--version"),
                "jupyter nbconvert is missing: environment/install installs jupyter-nbconvert");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + NOTEBOOKS.toAbsolutePath());
        Path jupyterPath = KernelspecForTests.create(dir.resolve("jupyter"));
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            KernelspecForTests.Result result = KernelspecForTests.run(jupyterPath, 20, List.of("jupyter", "nbconvert",
                    "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=java",
                    "--ExecutePreprocessor.timeout=1200", "--output-dir", dir.resolve("out").toString(),
                    nb.toAbsolutePath().toString()));
            assertEquals(0, result.exitCode(), nb + " failed at smoke scale:\n" + result.output());
        }));
    }
}

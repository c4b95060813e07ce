package dev.grokkit.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel through the real Jupyter protocol with a real client: Debian's jupyter_client runs
 * src/test/python/protocol_check.py against the shaded jar (execute, 200,000 printed lines,
 * rich display, live progress, errors, completion, is-complete, inspection, interrupt, a cell
 * that survives the hard stop, System.exit) and src/test/python/hostile_messages.py (hostile
 * messages on every channel, each followed by a good request that must be answered: one test
 * per channel and kind). jupyter_client comes with environment/install.
 */
class KernelProtocolIT {

    private static final String PYTHON = "/usr/bin/python3";

    private static KernelspecForTests.Result runScript(Path dir, String script) throws Exception {
        assertTrue(KernelspecForTests.works(PYTHON, "-c", "import jupyter_client"),
                "jupyter_client is missing: environment/install installs it with jupyter-notebook");
        Path jupyterPath = KernelspecForTests.create(dir);
        KernelspecForTests.Result result = KernelspecForTests.run(jupyterPath, 15,
                List.of(PYTHON, Path.of("src/test/python", script).toAbsolutePath().toString()));
        System.out.println(result.output());
        return result;
    }

    @Test
    void aJupyterClientSeesAWorkingKernel(@TempDir Path dir) throws Exception {
        KernelspecForTests.Result result = runScript(dir, "protocol_check.py");
        assertEquals(0, result.exitCode(), "protocol checks failed:\n" + result.output());
    }

    @TestFactory
    Stream<DynamicTest> everyChannelAnswersAGoodRequestAfterAHostileMessage(@TempDir Path dir) throws Exception {
        KernelspecForTests.Result result = runScript(dir, "hostile_messages.py");
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (line.startsWith("ok: ") || line.startsWith("FAIL: ")) {
                String kind = line.substring(line.indexOf(' ') + 1).split(": ")[0];
                tests.add(DynamicTest.dynamicTest(kind, () -> assertTrue(line.startsWith("ok: "), line)));
            }
        }
        int cases = tests.size();
        tests.add(DynamicTest.dynamicTest("every case ran", () -> {
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(cases >= 50, "only " + cases + " cases reported:\n" + result.output());
        }));
        return tests.stream();
    }
}

package dev.grokkit.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel through the real Jupyter protocol with a real client: Debian's jupyter_client runs
 * src/test/python/protocol_check.py against the shaded jar (execute, rich display, live
 * progress, errors, completion, is-complete, inspection, interrupt). Skipped where
 * jupyter_client is not installed; environment/test installs it.
 */
class KernelProtocolIT {

    private static final String PYTHON = "/usr/bin/python3";

    @Test
    void aJupyterClientSeesAWorkingKernel(@TempDir Path dir) throws Exception {
        assumeTrue(KernelspecForTests.works(PYTHON, "-c", "import jupyter_client"), "jupyter_client is not installed");
        Path jupyterPath = KernelspecForTests.create(dir);
        KernelspecForTests.Result result = KernelspecForTests.run(jupyterPath, 10,
                List.of(PYTHON, Path.of("src/test/python/protocol_check.py").toAbsolutePath().toString()));
        System.out.println(result.output());
        assertEquals(0, result.exitCode(), "protocol checks failed:\n" + result.output());
    }
}

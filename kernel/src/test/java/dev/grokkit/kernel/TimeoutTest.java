package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IJAVA_TIMEOUT stops a statement that runs too long, and the session goes on. */
class TimeoutTest {

    @Test
    void aStatementOverTheLimitIsStopped() throws Exception {
        GrokkitKernel kernel = new GrokkitKernel(KernelEnvironment.from(Map.of("IJAVA_TIMEOUT", "500")));
        try {
            CellError e = assertThrows(CellError.class, () -> kernel.eval(
                    "int before = 5;\nwhile (!Thread.currentThread().isInterrupted()) { }\nint after = 1;"));
            assertEquals("Interrupted", e.kind());
            assertTrue(e.getMessage().contains("timed out after 500 ms"), e.getMessage());
            assertEquals("6", String.valueOf(kernel.eval("before + 1").getData(MIMEType.TEXT_PLAIN)));
            assertThrows(CellError.class, () -> kernel.eval("after"), "the rest of the cell did not run");
        } finally {
            kernel.onShutdown(false);
        }
    }
}

package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.Losses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs torch_hessian.py with Debian's PyTorch (skipped where /usr/bin/python3 has no torch) and
 * checks that its output reproduces the committed reference and agrees with grokkit's
 * Hessian-vector products and traces (1e-6 relative is the bar; float64 gives ~1e-15).
 */
class HessianPeerTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void livePyTorchAgreesWithGrokkit() throws IOException, InterruptedException {
        String script;
        try (var in = HessianPeerTest.class.getResourceAsStream("torch_hessian.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertEquals(0, code, "the PyTorch reference failed (environment/install installs python3-torch):\n" + out);
        TorchReference live = new TorchReference(out);
        TorchReference committed = new TorchReference();
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            GrokModel model = live.model(manager);
            for (Loss loss : new Loss[] {Losses.crossEntropy(), Losses.mse()}) {
                String key = loss.name();
                assertArrayEquals(committed.get(key + ":hv"), live.get(key + ":hv"), 1e-12);
                LossHessian h = LossHessian.of(model, loss, live.inputs(manager), live.labels(manager));
                double[] hv = h.apply(live.get("v"));
                double[] expected = live.get(key + ":hv");
                double norm = Math.sqrt(Vectors.dot(expected, expected));
                for (int i = 0; i < hv.length; i++) {
                    assertEquals(expected[i], hv[i], 1e-6 * norm, "component " + i);
                }
                double trace = live.get(key + ":trace")[0];
                assertEquals(trace, DenseHessian.of(h).trace(), 1e-6 * Math.abs(trace));
            }
        }
    }
}

package dev.grokkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Grokkit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transformer's logits equal those of the benchmark's modadd-transformer written in PyTorch
 * (peer_transformer.py, after docs/benchmarks.md) loaded with the same weights, in float32 and float64.
 */
class TransformerPeerTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int P = 11;
    private static final int D = 32;
    private static final int HEADS = 4;
    private static final int D_MLP = 64;

    @TempDir
    Path dir;

    @Test
    void logitsEqualThePeersForTheSameWeights() throws IOException, InterruptedException {
        Examples data = modularAdditionSample(24);
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            Grokkit.seed(3);
            TransformerSpec spec = Models.transformer().dModel(D).heads(HEADS).dMlp(D_MLP);
            try (GrokModel single = spec.build(data, DataType.FLOAT32, manager);
                    GrokModel dbl = spec.build(data, DataType.FLOAT64, manager)) {
                Path case32 = writeCase(single, data, "float32");
                Path case64 = writeCase(dbl, data, "float64");
                runPeer(case32, case64);
                compare(logits(single, data, manager), readRows(case32), 1e-5);
                compare(logits(dbl, data, manager), readRows(case64), 1e-10);
            }
        }
    }

    /** Random (a, b, "=") sequences over residues mod P; "=" is token P. */
    private static Examples modularAdditionSample(int n) {
        Random random = new Random(5);
        int[] tokens = new int[3 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(P);
            int b = random.nextInt(P);
            tokens[3 * i] = a;
            tokens[3 * i + 1] = b;
            tokens[3 * i + 2] = P;
            labels[i] = (a + b) % P;
        }
        return Examples.ofTokens(tokens, 3, P + 1, labels, P);
    }

    private static double[][] logits(GrokModel model, Examples data, NDManager manager) {
        double[] flat = model.forward(data.inputs(manager, model.dtype()), false)
                .toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] rows = new double[data.size()][P];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(flat, i * P, rows[i], 0, P);
        }
        return rows;
    }

    /* Values are written as doubles (exact for float32 values too), so both sides hold the same weights. */
    private Path writeCase(GrokModel model, Examples data, String dtype) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(P).append(' ').append(D).append(' ').append(HEADS).append(' ').append(D_MLP).append(' ')
                .append(dtype).append('\n');
        sb.append("tokens ").append(data.size()).append(" 3\n").append(join(data.tokens())).append('\n');
        for (NamedParameter p : model.parameters()) {
            sb.append(p.name());
            for (long dim : p.shape().getShape()) {
                sb.append(' ').append(dim);
            }
            sb.append('\n');
            double[] values = p.array().toType(DataType.FLOAT64, false).toDoubleArray();
            sb.append(java.util.Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(" ")))
                    .append('\n');
        }
        Path file = dir.resolve(dtype + ".case");
        Files.writeString(file, sb);
        return file;
    }

    private static String join(int[] values) {
        return java.util.Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private void runPeer(Path... cases) throws IOException, InterruptedException {
        Path script = dir.resolve("peer_transformer.py");
        try (InputStream in = getClass().getResourceAsStream("peer_transformer.py")) {
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        for (Path c : cases) {
            command.add(c.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(0, exit, "the PyTorch peer failed (environment/install installs python3-torch):\n" + output);
    }

    private static double[][] readRows(Path caseFile) throws IOException {
        return Files.readAllLines(Path.of(caseFile + ".out")).stream()
                .map(line -> java.util.Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static void compare(double[][] ours, double[][] peer, double tolerance) {
        assertEquals(ours.length, peer.length, "rows");
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            assertEquals(ours[i].length, peer[i].length, "columns");
            for (int j = 0; j < ours[i].length; j++) {
                worst = Math.max(worst, Math.abs(ours[i][j] - peer[i][j]));
            }
        }
        double scale = java.util.Arrays.stream(peer).flatMapToDouble(java.util.Arrays::stream).map(Math::abs).max()
                .orElse(0);
        assertEquals(0, worst, tolerance, "largest |logit difference| (logits up to " + scale + ")");
    }
}

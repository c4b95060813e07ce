package dev.grokkit.optim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs torch.optim (float64) on given initial weights and gradient sequences in one
 * /usr/bin/python3 process (script: torch_optim.py) and returns the weights after each step.
 */
final class TorchOptim {

    private final List<String> lines = new ArrayList<>();

    /**
     * Adds a case: {@code optimizer} is a torch.optim class name, {@code kwargs} like
     * "lr=0.1,momentum=0.9,betas=0.9:0.98,nesterov=True".
     */
    TorchOptim add(String name, String optimizer, String kwargs, double[] w0, double[][] grads) {
        String gs = Arrays.stream(grads).map(TorchOptim::join).collect(Collectors.joining(";"));
        lines.add(String.join("|", name, optimizer, kwargs, join(w0), gs));
        return this;
    }

    /** Weights after each step, by case name. */
    Map<String, double[][]> run() throws IOException, InterruptedException {
        Path input = Files.createTempFile("torch-optim", ".txt");
        try {
            Files.write(input, lines);
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", script(), input.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("python torch reference failed:\n" + out);
            }
            Map<String, double[][]> result = new LinkedHashMap<>();
            for (String line : out.strip().split("\n")) {
                String[] parts = line.split("\\|");
                result.put(parts[0], Arrays.stream(parts[1].split(";"))
                        .map(row -> Arrays.stream(row.trim().split(" ")).mapToDouble(Double::parseDouble).toArray())
                        .toArray(double[][]::new));
            }
            return result;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = TorchOptim.class.getResourceAsStream("torch_optim.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String join(double[] xs) {
        return Arrays.stream(xs).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }
}

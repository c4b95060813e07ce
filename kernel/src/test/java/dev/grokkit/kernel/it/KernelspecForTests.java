package dev.grokkit.kernel.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away Jupyter data directory whose kernelspec `java` runs the kernel jar this build just
 * made (system property grokkit.kernel.jar), so the integration tests exercise what was built,
 * not what happens to be installed.
 */
final class KernelspecForTests {

    private KernelspecForTests() {}

    static Path create(Path dir) throws IOException {
        String jar = System.getProperty("grokkit.kernel.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the shaded kernel jar is missing: " + jar);
        }
        Path spec = dir.resolve("kernels/java");
        Files.createDirectories(spec);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(spec.resolve("kernel.json"), "{\"argv\": [\"" + java + "\", \"-Djava.awt.headless=true\", \"-Djava.security.manager=allow\", "
                + "\"-jar\", \"" + jar + "\", \"{connection_file}\"], \"display_name\": \"Java (grokkit, test)\", "
                + "\"language\": \"java\", \"interrupt_mode\": \"message\", "
                + "\"env\": {\"OMP_WAIT_POLICY\": \"PASSIVE\", \"DJL_OFFLINE\": \"true\"}}");
        return dir;
    }

    /** Whether a command exits 0 (to name a missing install before a test needs it). */
    static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command with JUPYTER_PATH set to {@code jupyterPath}; returns its exit code and output. */
    static Result run(Path jupyterPath, long timeoutMinutes, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("grokkit-it", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        Process p = pb.start();
        boolean done = p.waitFor(timeoutMinutes, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(done ? p.exitValue() : -1, output);
    }

    record Result(int exitCode, String output) {}
}

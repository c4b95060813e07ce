package dev.grokkit.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the JShell scripts in notebooks/scripts/ with the JDK's jshell and the toolkit on the
 * class path, as environment/jshell does. Each script checks its own scientific claim and exits
 * non-zero when the claim fails; it prints the figures on "FINDING:" lines.
 */
class ScriptsTest {

    private static final Path SCRIPTS = Path.of("..", "notebooks", "scripts");

    @ParameterizedTest
    @ValueSource(strings = {"tour.jsh", "modadd-grokking.jsh", "digits-omnigrok.jsh"})
    void scriptRunsAndItsClaimHolds(String script) throws IOException, InterruptedException {
        Path file = SCRIPTS.resolve(script);
        assertTrue(Files.isRegularFile(file), "missing " + file.toAbsolutePath());
        Path log = Files.createTempFile("jshell-" + script, ".log");
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        ProcessBuilder pb = new ProcessBuilder(jshell.toString(), "--class-path",
                System.getProperty("java.class.path"), "-R-Djava.awt.headless=true", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(done, script + " did not finish in 15 minutes");
        assertEquals(0, p.exitValue(), script + " failed:\n" + output);
        assertTrue(output.contains("FINDING:"), script + " printed no finding:\n" + output);
        assertTrue(!output.contains("Error:") && !output.contains("Exception"), script + " had errors:\n" + output);
    }
}

package dev.grokkit.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded kernel started on a bad connection file: it exits at once with status 2 and one
 * line naming the file and what is wrong, instead of a stack trace or a kernel listening on
 * ports nobody knows.
 */
class ConnectionFileIT {

    private static final String GOOD = "{\"shell_port\": 5001, \"iopub_port\": 5002, \"stdin_port\": 5003, "
            + "\"control_port\": 5004, \"hb_port\": 5005, \"ip\": \"127.0.0.1\", \"key\": \"secret\", "
            + "\"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\"}";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> theKernelRefusesABadConnectionFileByName() {
        Map<String, String> cases = Map.of(
                "missing file", "",
                "malformed JSON", "{\"shell_port\": ",
                "missing key", GOOD.replace("\"shell_port\": 5001, ", ""),
                "bad port", GOOD.replace("5005", "99999"),
                "unknown signature scheme", GOOD.replace("hmac-sha256", "hmac-nosuch"));
        String jar = System.getProperty("grokkit.kernel.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            Path file = dir.resolve(c.getKey().replace(' ', '-') + ".json");
            if (!c.getValue().isEmpty()) {
                Files.writeString(file, c.getValue());
            }
            Path log = dir.resolve(c.getKey().replace(' ', '-') + ".log");
            Process kernel = new ProcessBuilder(List.of(java, "-jar", jar, file.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = kernel.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                kernel.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, c.getKey() + ": the kernel did not exit:\n" + output);
            assertEquals(2, kernel.exitValue(), output);
            assertTrue(output.contains("grokkit kernel: connection file " + file.toAbsolutePath() + " "), output);
        }));
    }
}

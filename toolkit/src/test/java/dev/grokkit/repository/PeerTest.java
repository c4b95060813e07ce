package dev.grokkit.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's Python peer (environment/peer) computes what docs/benchmarks.md defines: its own
 * unittest suite (the stacked ensemble step equals 16 separate steps, attention is causal, the
 * entropy and KSG estimates equal independent computations, the command line's contract), run
 * here so that the test command covers it.
 */
class PeerTest {

    @Test
    void thePeersOwnTestsPass() throws IOException, InterruptedException {
        Path root = RepositoryFiles.root();
        Process process = new ProcessBuilder("/usr/bin/python3", "-m", "unittest", "discover", "-s", "environment/peer")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "the peer's tests failed:\n" + output);
        assertTrue(output.matches("(?s).*Ran [1-9]\\d* tests?.*"), "the peer's suite ran no test:\n" + output);
    }
}

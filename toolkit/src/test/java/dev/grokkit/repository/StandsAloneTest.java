package dev.grokkit.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository stands alone: no file refers to a path outside it (a user's clone has only the
 * repository: no papers folder, no design or benchmark notes beside it).
 */
class StandsAloneTest {

    /** References to the project's private reference folder or to absolute paths of one machine. */
    static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|shared/(papers|peer|reference|hooks)|\\bDESIGN\\.md|\\bBENCHMARKS\\.md|/work/(main|shared)\\b");

    @Test
    void noFileRefersToAPathOutsideTheRepository() throws IOException {
        Path root = RepositoryFiles.root();
        List<String> found = outsideReferences(root);
        assertTrue(found.isEmpty(), "files refer to paths outside the repository (a clone does not have them):\n"
                + String.join("\n", found));
    }

    /** The check finds what it looks for: a planted reference in a small tree. */
    @Test
    void aPlantedReferenceIsFound(@TempDir Path tree) throws IOException {
        Files.createDirectories(tree.resolve("environment"));
        Files.writeString(tree.resolve("environment/install"), "#!/bin/sh\n");
        Files.writeString(tree.resolve("README.md"), "See the papers.\n");
        Files.createDirectories(tree.resolve("notebooks"));
        String outside = ".." + "/shared" + "/papers/003";   // spelled in pieces so that this file stays clean
        Files.writeString(tree.resolve("notebooks/a.ipynb"), "{\"source\": \"as in " + outside + "\"}\n");
        Files.createDirectories(tree.resolve("toolkit/target"));
        Files.writeString(tree.resolve("toolkit/target/ignored.txt"), outside + "\n");
        assertEquals(List.of("notebooks/a.ipynb:1: {\"source\": \"as in " + outside + "\"}"), outsideReferences(tree));
    }

    static List<String> outsideReferences(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : RepositoryFiles.sources(root)) {
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find()) {
                    String line = lines[i].strip();
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + (line.length() > 160 ? line.substring(0, 160) + "..." : line));
                }
            }
        }
        return found;
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}

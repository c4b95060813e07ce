package dev.grokkit.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Python module imported by the repository's Python code (the peer, the tests' references,
 * Python snippets in Java tests) comes from a Debian package that environment/install installs, or
 * from one of their dependencies: a fresh machine that ran environment/install can run every test.
 * The analysis is python_imports.py (Python's own parser for .py files, dpkg for package owners).
 */
class PythonImportsTest {

    @Test
    void everyImportedModuleComesFromAPackageEnvironmentInstallInstalls(@TempDir Path scratch)
            throws IOException, InterruptedException {
        Path root = RepositoryFiles.root();
        Path script = scratch.resolve("python_imports.py");
        try (InputStream in = PythonImportsTest.class.getResourceAsStream("python_imports.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), root.toString()));
        command.addAll(installedPackages(root));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "Python imports that a fresh machine cannot satisfy:\n" + output);
    }

    /** environment/install's package list, as bash reads it. */
    static List<String> installedPackages(Path root) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c",
                "source <(sed -n '/^packages=(/,/^)/p' environment/install) && printf '%s\\n' \"${packages[@]}\"")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "cannot read environment/install's package list:\n" + output);
        List<String> packages = output.lines().filter(line -> !line.isBlank()).toList();
        if (packages.isEmpty()) {
            throw new AssertionError("environment/install lists no packages (expected a packages=( ... ) block)");
        }
        return packages;
    }
}

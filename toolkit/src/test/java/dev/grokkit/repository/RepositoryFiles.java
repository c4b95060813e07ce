package dev.grokkit.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository these tests run in, and its source files (what git tracks, less build output). */
final class RepositoryFiles {

    /** Folders that hold build output, results or tool state, never sources (see .gitignore). */
    private static final Set<String> NOT_SOURCES = Set.of("target", "results", ".git", ".ipynb_checkpoints", "node_modules");

    private RepositoryFiles() {}

    /** The repository's root: the nearest folder above the working directory holding environment/install. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("environment/install")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with environment/install) above "
                + Path.of("").toAbsolutePath());
    }

    /** Every regular file under {@code root}, outside build output and tool folders. */
    static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> !isSkipped(root.relativize(file))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + root, e);
        }
    }

    /** Whether a path lies in a skipped folder or is one of those names itself (a worktree's .git file). */
    private static boolean isSkipped(Path relative) {
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (NOT_SOURCES.contains(relative.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }
}

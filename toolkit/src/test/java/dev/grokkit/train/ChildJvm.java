package dev.grokkit.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test class's main method run in a child JVM on a directory, killed with SIGKILL mid-work. */
final class ChildJvm {

    /** What the child must have written before it is killed. */
    interface Progress {
        boolean reached() throws Exception;
    }

    private ChildJvm() {}

    /**
     * The newest checkpoint's step in {@code dir} from the folder names alone (-1 if none): reading
     * a folder the child may be pruning could race.
     */
    static long newestCheckpointStep(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("step-\\d+"))
                    .mapToLong(n -> Long.parseLong(n.substring("step-".length()))).max().orElse(-1);
        }
    }

    /**
     * Starts {@code main} with {@code dir} as its argument, waits (at most 3 minutes) until
     * {@code progress} holds, then kills the child with SIGKILL and waits for it to die.
     */
    static void killWhen(Class<?> main, Path dir, Progress progress) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), main.getName(),
                dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!progress.reached()) {
            assertTrue(child.isAlive(), "the child " + main.getSimpleName() + " ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "the child " + main.getSimpleName() + " made no progress in 3 minutes");
            Thread.sleep(10);
        }
        child.destroyForcibly().waitFor(); // SIGKILL
    }
}

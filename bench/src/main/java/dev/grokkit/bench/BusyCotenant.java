package dev.grokkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another user's job for the length of a measurement: {@code yes} writing to nowhere, which keeps
 * one core busy, pinned to the machine's last core with {@code taskset} where it is installed
 * (otherwise the scheduler places it). Closing it ends the process; so does this JVM's exit.
 */
final class BusyCotenant implements AutoCloseable {

    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    private final Process process;
    private final String description;

    private BusyCotenant(Process process, String description) {
        this.process = process;
        this.description = description;
    }

    static BusyCotenant start() {
        int last = Runtime.getRuntime().availableProcessors() - 1;
        List<String> command = new ArrayList<>();
        boolean pinned = Files.isExecutable(TASKSET);
        if (pinned) {
            command.addAll(List.of(TASKSET.toString(), "-c", Integer.toString(last)));
        }
        command.add("yes");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            return new BusyCotenant(p, "`" + String.join(" ", command) + " > /dev/null` (pid " + p.pid() + ", "
                    + (pinned ? "pinned to core " + last : "not pinned: no taskset") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the busy co-tenant " + command, e);
        }
    }

    String describe() {
        return description;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
    }
}

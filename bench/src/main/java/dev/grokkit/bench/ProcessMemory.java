package dev.grokkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's memory as the memory programs print it. */
final class ProcessMemory {

    private ProcessMemory() {}

    /** Java heap in use after a full collection, in MiB. */
    static double heapMiB() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }

    /** VmRSS, the resident set (counting libtorch's native memory), in MiB. */
    static double residentMiB() {
        return statusMiB("VmRSS");
    }

    /** VmHWM, the peak resident set, in MiB. */
    static double peakResidentMiB() {
        return statusMiB("VmHWM");
    }

    /** A kB field of /proc/self/status in MiB. */
    private static double statusMiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("/proc/self/status has no " + field + " line");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
    }
}

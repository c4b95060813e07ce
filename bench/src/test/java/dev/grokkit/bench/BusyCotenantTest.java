package dev.grokkit.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BusyCotenantTest {

    @Test
    void keepsACoreBusyUntilClosed() throws Exception {
        ProcessHandle handle;
        try (BusyCotenant busy = BusyCotenant.start()) {
            handle = ProcessHandle.of(busy.pid()).orElseThrow();
            // it computes rather than sleeps: 50 ms of CPU within 10 s, even with a share of a loaded core
            Instant deadline = Instant.now().plusSeconds(10);
            while (cpu(handle).toMillis() < 50 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertTrue(handle.isAlive(), busy.describe());
            assertTrue(cpu(handle).toMillis() >= 50, "the co-tenant used " + cpu(handle) + " of CPU in 10 s");
            String affinity = Files.readString(Path.of("/proc/" + busy.pid() + "/status")).lines()
                    .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow();
            int last = Runtime.getRuntime().availableProcessors() - 1;
            if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
                assertTrue(affinity.endsWith("\t" + last), affinity);
            }
        }
        Instant deadline = Instant.now().plusSeconds(5);
        while (handle.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertFalse(handle.isAlive(), "the co-tenant outlived close()");
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}

package dev.grokkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad arguments of the bench programs (WorkloadMain, MemorySoak, ProbeOverhead) fail before any work, naming the argument and the usage. */
class CommandLineTest {

    private static String failure(Runnable main) {
        return assertThrows(IllegalArgumentException.class, main::run).getMessage();
    }

    @Test
    void optionsAreReadAndChecked() {
        CommandLine line = CommandLine.parse("P W [--steps N]", new String[] {"w", "--steps", "7"}, 1,
                List.of("--steps", "--every"));
        assertEquals("w", line.positional(0));
        assertEquals(7, line.positiveInt("--steps", 50));
        assertEquals(9, line.positiveLong("--every", 9));
        String[][] bad = {{"w", "--steps", "0"}, {"w", "--steps", "-3"}, {"w", "--steps", "many"}};
        for (String[] args : bad) {
            CommandLine l = CommandLine.parse("P W [--steps N]", args, 1, List.of("--steps"));
            String message = failure(() -> l.positiveInt("--steps", 50));
            assertEquals("--steps must be a positive integer, was '" + args[2] + "'; usage: P W [--steps N]", message);
        }
        CommandLine huge = CommandLine.parse("P", new String[] {"--steps", "3000000000"}, 0, List.of("--steps"));
        assertTrue(failure(() -> huge.positiveInt("--steps", 1)).startsWith("--steps must be at most 2147483647"));
    }

    @Test
    void workloadMainNamesBadArguments() {
        assertTrue(failure(() -> WorkloadMain.main(new String[0]))
                .startsWith("expected 1 argument(s) before the options, got []; usage: WorkloadMain WORKLOAD"));
        assertTrue(failure(() -> WorkloadMain.main(new String[] {"--steps", "5"}))
                .startsWith("expected 1 argument(s) before the options"));
        assertTrue(failure(() -> WorkloadMain.main(new String[] {"no-such-workload"}))
                .startsWith("no workload 'no-such-workload'; workloads: "));
        String name = Workloads.names().get(0);
        assertTrue(failure(() -> WorkloadMain.main(new String[] {name, "--stpes", "5"}))
                .startsWith("unknown argument '--stpes'; usage: WorkloadMain"));
        assertTrue(failure(() -> WorkloadMain.main(new String[] {name, "--steps"}))
                .startsWith("--steps needs a value"));
        assertTrue(failure(() -> WorkloadMain.main(new String[] {name, "--steps", "1", "--steps", "2"}))
                .startsWith("--steps is given twice"));
        assertTrue(failure(() -> WorkloadMain.main(new String[] {name, "--steps", "ten"}))
                .startsWith("--steps must be a positive integer, was 'ten'"));
    }

    @Test
    void probeOverheadNamesBadArguments() {
        assertTrue(failure(() -> ProbeOverhead.main(new String[] {"--rounds", "0"}))
                .startsWith("--rounds must be a positive integer, was '0'; usage: ProbeOverhead"));
        assertTrue(failure(() -> ProbeOverhead.main(new String[] {"--steps"}))
                .startsWith("--steps needs a value"));
    }

    @Test
    void memorySoakNamesBadArguments() {
        assertTrue(failure(() -> MemorySoak.main(new String[] {"100000"}))
                .startsWith("unknown argument '100000'; usage: MemorySoak [--steps N] [--every N]"));
        assertTrue(failure(() -> MemorySoak.main(new String[] {"--every", "0"}))
                .startsWith("--every must be a positive integer, was '0'"));
    }
}

package dev.grokkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad arguments of the bench programs (WorkloadMain, MemorySoak, ProbeOverhead, GrokTime, Benchmark) fail before any
 * work, naming the argument and the usage.
 */
class CommandLineTest {

    private static String failure(Executable main) {
        return assertThrows(IllegalArgumentException.class, main).getMessage();
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

    @Test
    void listsAreReadAndChecked() {
        CommandLine line = CommandLine.parse("P", new String[] {"--t", " 1, 2 ", "--s", "", "--n", "b,a"}, 0,
                List.of("--t", "--s", "--n", "--absent"));
        assertEquals(List.of(1, 2), line.positiveInts("--t", List.of(9)));
        assertEquals(List.of(), line.nonNegativeLongs("--s", List.of(9L)));
        assertEquals(List.of("b", "a"), line.namesAmong("--n", List.of("a", "b"), List.of("a")));
        assertEquals(List.of(9), line.positiveInts("--absent", List.of(9)));
        assertEquals(List.of(9L), line.nonNegativeLongs("--absent", List.of(9L)));
        assertEquals(List.of("a"), line.namesAmong("--absent", List.of("a", "b"), List.of("a")));
        assertEquals("x", line.string("--absent", "x"));
    }

    @Test
    void benchmarkReadsTheOptionsEnvironmentBenchPasses(@TempDir Path dir) throws IOException {
        Path peer = Files.createFile(dir.resolve("workloads.py"));
        Path grokPeer = Files.createFile(dir.resolve("grok_modadd.py"));
        List<String> two = Workloads.names().subList(0, 2);
        assertEquals(new Benchmark.Settings(peer, 3, 20, List.of(1, 2), two, List.of("PASSIVE", "ACTIVE"),
                        "results/benchmark.csv", List.of(0L, 1L), grokPeer, 0),
                Benchmark.settings("--peer", peer.toString(), "--policies", "PASSIVE,ACTIVE", "--csv",
                        "results/benchmark.csv", "--rounds", "3", "--steps", "20", "--threads", "1,2", "--workloads",
                        String.join(",", two), "--grok-seeds", "0,1", "--grok-peer", grokPeer.toString(),
                        "--probe-steps", "0"));
        List<String> allButPeak = new ArrayList<>(Workloads.names());
        allButPeak.remove("matmul-peak");
        assertEquals(new Benchmark.Settings(peer, 3, 30, List.of(1, 2), allButPeak, List.of("PASSIVE"), null, List.of(),
                null, 2000), Benchmark.settings("--peer", peer.toString(), "--grok-seeds", ""));
    }

    @Test
    void benchmarksDefaultPeersAreFilesOfThisRepository() {
        Path root = Path.of("").toAbsolutePath().getParent(); // the tests run in toolkit/
        for (String peer : List.of(Benchmark.DEFAULT_PEER, Benchmark.DEFAULT_GROK_PEER)) {
            Path file = root.resolve(peer).normalize();
            assertTrue(file.startsWith(root) && Files.isRegularFile(file), peer + " is not a file under " + root);
        }
    }

    @Test
    void benchmarkNamesBadArguments(@TempDir Path dir) throws IOException {
        String peer = Files.createFile(dir.resolve("workloads.py")).toString();
        String missing = dir.resolve("none.py").toString();
        String[][] cases = {
            {"--round", "3", "unknown argument '--round'"},
            {"3", "unknown argument '3'"},
            {"--rounds", "--rounds needs a value"},
            {"--rounds", "--steps", "5", "--rounds needs a value"},
            {"--rounds", "2", "--rounds", "3", "--rounds is given twice"},
            {"--rounds", "0", "--rounds must be a positive integer, was '0'"},
            {"--steps", "-5", "--steps must be a positive integer, was '-5'"},
            {"--steps", "2x", "--steps must be a positive integer, was '2x'"},
            {"--threads", "1,0", "--threads must be a positive integer, was '0'"},
            {"--threads", "one", "--threads must be a positive integer, was 'one'"},
            {"--threads", "1,,2", "--threads has an empty item in '1,,2'"},
            {"--threads", "2,2", "--threads lists '2' twice in '2,2'"},
            {"--threads", "", "--threads needs at least one value, was ''"},
            {"--workloads", "no-such", "--workloads names 'no-such', which is not one of " + Workloads.names()},
            {"--policies", "PASSIVE,SPIN", "--policies names 'SPIN', which is not one of [PASSIVE, ACTIVE]"},
            {"--csv", "", "--csv needs a value, was ''"},
            {"--grok-seeds", "0,-1", "--grok-seeds must be a non-negative integer, was '-1'"},
            {"--grok-seeds", "0", "--grok-peer", missing, "--grok-peer names no file: " + missing},
            {"--grok-seeds", "", "--probe-steps", "-1", "--probe-steps must be a non-negative integer, was '-1'"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--peer", peer));
            args.addAll(List.of(c).subList(0, c.length - 1));
            String message = failure(() -> Benchmark.settings(args.toArray(String[]::new)));
            assertTrue(message.startsWith(c[c.length - 1]), args + ": " + message);
            assertTrue(message.endsWith("; usage: " + Benchmark.USAGE + "; workloads: " + Workloads.names()), message);
        }
        assertTrue(failure(() -> Benchmark.main(new String[] {"--peer", missing}))
                .startsWith("--peer names no file: " + missing + " does not exist or is not a regular file"));
    }

    @Test
    void grokTimeNamesBadArguments() {
        String[][] cases = {
            {"--seed", "-1", "--seed must be a non-negative integer, was '-1'; usage: GrokTime [--seed S]"},
            {"--seed", "x", "--seed must be a non-negative integer, was 'x'"},
            {"--sed", "1", "unknown argument '--sed'"},
            {"7", "unknown argument '7'"},
            {"--seed", "--seed needs a value"},
        };
        for (String[] c : cases) {
            String[] args = List.of(c).subList(0, c.length - 1).toArray(String[]::new);
            assertTrue(failure(() -> GrokTime.main(args)).startsWith(c[c.length - 1]), List.of(c).toString());
        }
    }
}

package dev.grokkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Bad arguments of the bench programs (WorkloadMain, MemorySoak, EnsembleMemory, ProbeOverhead, GrokTime, Benchmark) fail before any
 * work with exit code 2, naming the argument, followed by the usage.
 */
class ArgumentsTest {

    /** What the program printed on standard error for these arguments, which it must refuse with exit code 2. */
    private static String refused(Supplier<Object> program, String... args) {
        CommandLine line = new CommandLine(program.get());
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));
        assertEquals(2, line.execute(args), List.of(args) + " was not refused: " + err);
        // picocli follows the error with the usage, or with the closest option names for a misspelt one
        assertTrue(err.toString().contains("Usage: ") || err.toString().contains("Possible solutions: "),
                "no usage after the error: " + err);
        return err.toString();
    }

    private static void assertRefused(Supplier<Object> program, String expected, String... args) {
        String err = refused(program, args);
        assertTrue(err.startsWith(expected), List.of(args) + " printed: " + err);
    }

    @Test
    void workloadMainNamesBadArguments() {
        String name = Workloads.names().get(0);
        assertRefused(WorkloadMain::new, "Missing required parameter: 'WORKLOAD'");
        assertRefused(WorkloadMain::new, "Missing required parameter: 'WORKLOAD'", "--steps", "5");
        assertRefused(WorkloadMain::new, "WORKLOAD names 'no-such-workload', which is not one of " + Workloads.names(),
                "no-such-workload");
        assertTrue(refused(WorkloadMain::new, name, "--stpes", "5")
                .startsWith("Unknown options: '--stpes', '5'\nPossible solutions: --steps"));
        assertRefused(WorkloadMain::new, "Missing required parameter for option '--steps'", name, "--steps");
        assertRefused(WorkloadMain::new, "option '--steps' (<steps>) should be specified only once", name, "--steps",
                "1", "--steps", "2");
        assertRefused(WorkloadMain::new, "Invalid value for option '--steps': 'ten' is not an int", name, "--steps",
                "ten");
        assertRefused(WorkloadMain::new, "--steps must be a positive integer, was 0", name, "--steps", "0");
    }

    @Test
    void probeOverheadNamesBadArguments() {
        assertRefused(ProbeOverhead::new, "--rounds must be a positive integer, was 0", "--rounds", "0");
        assertRefused(ProbeOverhead::new, "--steps must be a positive integer, was -3", "--steps", "-3");
        assertRefused(ProbeOverhead::new, "Missing required parameter for option '--steps'", "--steps");
        assertRefused(ProbeOverhead::new, "Invalid value for option '--steps': '3000000000' is not an int", "--steps",
                "3000000000");
    }

    @Test
    void memorySoakNamesBadArguments() {
        assertRefused(MemorySoak::new, "Unmatched argument at index 0: '100000'", "100000");
        assertRefused(MemorySoak::new, "--every must be a positive integer, was 0", "--every", "0");
        assertRefused(EnsembleMemory::new, "--members must be a positive integer, was 0", "--members", "0");
    }

    @Test
    void paperScaleBlockStatisticsNamesBadArguments() {
        assertRefused(PaperScaleBlockStatistics::new, "--window must be at least 2, was 1", "--window", "1");
        assertRefused(PaperScaleBlockStatistics::new, "--batch must be a positive integer, was 0", "--batch", "0");
    }

    @Test
    void grokTimeNamesBadArguments() {
        assertRefused(GrokTime::new, "--seed must be a non-negative integer, was -1", "--seed", "-1");
        assertRefused(GrokTime::new, "Invalid value for option '--seed': 'x' is not a long", "--seed", "x");
        assertRefused(GrokTime::new, "Unknown options: '--sed', '1'", "--sed", "1");
        assertRefused(GrokTime::new, "Unmatched argument at index 0: '7'", "7");
        assertRefused(GrokTime::new, "Missing required parameter for option '--seed'", "--seed");
    }

    @Test
    void everyProgramPrintsItsHelp() {
        for (Supplier<Object> program : List.<Supplier<Object>>of(Benchmark::new, WorkloadMain::new, MemorySoak::new,
                ProbeOverhead::new, GrokTime::new, PaperScaleBlockStatistics::new, EnsembleMemory::new)) {
            CommandLine line = new CommandLine(program.get());
            StringWriter out = new StringWriter();
            line.setOut(new PrintWriter(out));
            assertEquals(0, line.execute("--help"));
            assertTrue(out.toString().startsWith("Usage: " + line.getCommandName()), out.toString());
        }
    }

    /** The settings of a Benchmark on these arguments (each a ParameterException if it is bad). */
    private static Benchmark.Settings settings(String... args) {
        Benchmark benchmark = new Benchmark();
        new CommandLine(benchmark).parseArgs(args);
        return benchmark.settings();
    }

    @Test
    void benchmarkReadsTheOptionsEnvironmentBenchPasses(@TempDir Path dir) throws IOException {
        Path peer = Files.createFile(dir.resolve("workloads.py"));
        Path grokPeer = Files.createFile(dir.resolve("grok_modadd.py"));
        List<String> two = Workloads.names().subList(0, 2);
        assertEquals(new Benchmark.Settings(peer, 3, 20, List.of(1, 2), two, List.of("PASSIVE", "ACTIVE"),
                        Path.of("results/benchmark.csv"), List.of(0L, 1L), grokPeer, 0, true),
                settings("--peer", peer.toString(), "--policies", "PASSIVE,ACTIVE", "--busy-cotenant", "--csv",
                        "results/benchmark.csv", "--rounds", "3", "--steps", "20", "--threads", "1,2", "--workloads",
                        String.join(",", two), "--grok-seeds", "0,1", "--grok-peer", grokPeer.toString(),
                        "--probe-steps", "0"));
        List<String> allButPeak = new ArrayList<>(Workloads.names());
        allButPeak.remove("matmul-peak");
        allButPeak.remove("hvp-first"); // no peer workload of that name
        assertEquals(new Benchmark.Settings(peer, 3, 30, List.of(1, 2), allButPeak, List.of("PASSIVE"), null, List.of(),
                null, 2000, false), settings("--peer", peer.toString(), "--grok-seeds", ""));
        assertEquals(List.of("PASSIVE", "SPIN10000", "SPIN0"),
                settings("--peer", peer.toString(), "--policies", "passive,SPIN10000,spin0", "--grok-seeds", "").policies());
    }

    @Test
    void benchmarksDefaultPeersAreFilesOfThisRepository() {
        Path root = Path.of("").toAbsolutePath().getParent(); // the tests run in bench/
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
            {"--round", "3", "Unknown options: '--round', '3'"},
            {"3", "Unmatched argument at index 2: '3'"},
            {"--rounds", "Missing required parameter for option '--rounds'"},
            {"--rounds", "--steps", "5", "Expected parameter for option '--rounds' but found '--steps'"},
            {"--rounds", "2", "--rounds", "3", "option '--rounds' (<rounds>) should be specified only once"},
            {"--rounds", "0", "--rounds must be a positive integer, was 0"},
            {"--steps", "-5", "--steps must be a positive integer, was -5"},
            {"--steps", "2x", "Invalid value for option '--steps': '2x' is not an int"},
            {"--threads", "1,0", "--threads must be a positive integer, was 0"},
            {"--threads", "one", "Invalid value for option '--threads' (<threads>): 'one' is not an int"},
            {"--threads", "2,2", "--threads lists '2' twice in [2, 2]"},
            {"--workloads", "no-such", "--workloads names 'no-such', which is not one of " + Workloads.names()},
            {"--policies", "PASSIVE,SPIN", "--policies names 'SPIN', which is not " + WaitPolicy.FORMS},
            {"--policies", "SPIN-5", "--policies names 'SPIN-5', which is not " + WaitPolicy.FORMS},
            {"--policies", "SPIN100,spin100", "--policies lists 'SPIN100' twice in [SPIN100, SPIN100]"},
            {"--grok-seeds", "0,-1", "--grok-seeds must be a non-negative integer, was -1"},
            {"--grok-seeds", "0,,1", "--grok-seeds must be a list of integers >= 0, had ''"},
            {"--grok-seeds", "1,1", "--grok-seeds lists '1' twice in [1, 1]"},
            {"--grok-seeds", "0", "--grok-peer", missing, "--grok-peer names no file: " + missing},
            {"--grok-seeds", "", "--probe-steps", "-1", "--probe-steps must be a non-negative integer, was -1"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--peer", peer));
            args.addAll(List.of(c).subList(0, c.length - 1));
            String[] argv = args.toArray(String[]::new);
            String message = assertThrows(ParameterException.class, () -> settings(argv), args.toString()).getMessage();
            assertTrue(message.startsWith(c[c.length - 1]), args + ": " + message);
        }
        assertRefused(Benchmark::new, "--peer names no file: " + missing + " does not exist or is not a regular file",
                "--peer", missing);
    }
}

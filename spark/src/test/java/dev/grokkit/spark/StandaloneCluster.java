package dev.grokkit.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark standalone master and worker in child JVMs on 127.0.0.1, from this JVM's class path (the
 * Maven jars): what {@code sbin/start-master.sh} and {@code start-worker.sh} of a Spark distribution
 * start. The worker builds its executors' class path from {@code SPARK_HOME/jars} (here empty:
 * the executors get theirs from spark.executor.extraClassPath) and needs SPARK_SCALA_VERSION
 * outside a Spark build tree.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);

    private final List<Process> daemons = new ArrayList<>();
    private final Path home;
    private String masterUrl;

    private StandaloneCluster(Path home) {
        this.home = home;
    }

    /** Starts a master and one worker of {@code cores} cores; returns when the worker has registered. */
    static StandaloneCluster start(Path home, int cores) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(home);
        try {
            Files.createDirectories(home.resolve("jars"));
            int port = freePort();
            int ui = freePort();
            cluster.masterUrl = "spark://127.0.0.1:" + port;
            cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", Integer.toString(ui));
            cluster.launch("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                    Integer.toString(cores), "--memory", "2g", "--webui-port", Integer.toString(freePort()),
                    "--work-dir", home.resolve("work").toString(), cluster.masterUrl);
            cluster.awaitWorker(ui);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        daemons.add(pb.start());
    }

    /** Polls the master's status page until it lists an alive worker. */
    private void awaitWorker(int ui) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui + "/json/")).build();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark daemon exited with " + p.exitValue() + "\n" + logs());
                }
            }
            try {
                String json = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (json.replace(" ", "").contains("\"aliveworkers\":1")) {
                    return;
                }
            } catch (IOException notYet) {
                // the master's web UI is not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no worker registered with " + masterUrl + " within " + READY + "\n" + logs());
    }

    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("master", "worker")) {
            Path log = home.resolve(name + ".log");
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                text.append("--- ").append(name).append(" log (end)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
            }
        }
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the worker, then the master, waiting for each. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

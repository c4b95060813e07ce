package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on a standalone Spark cluster started from the Maven jars on the loopback
 * interface: a master and a worker in their own JVMs, and an executor JVM the worker launches
 * (so the histories compared with this JVM's local sweep were computed in another process). The
 * executors get this JVM's class path, which holds the test classes; a task is tried up to 4
 * times, Spark's default for a cluster.
 */
class StandaloneSparkSweepTest extends SparkSweepContract {

    @TempDir
    static Path home;
    private static StandaloneCluster cluster;

    @BeforeAll
    static void startSpark() throws Exception {
        cluster = StandaloneCluster.start(home, 2);
        spark = session(cluster.masterUrl())
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.memory", "1g")
                .config("spark.executorEnv.GROKKIT_THREADS", "1")
                .config("spark.executorEnv.DJL_OFFLINE", "true")
                .config("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE")
                .getOrCreate();
        assertEquals(cluster.masterUrl(), spark.sparkContext().master());
    }

    @AfterAll
    static void stopCluster() {
        stopSpark(); // before the cluster goes, so the driver does not wait for a lost master
        if (cluster != null) {
            cluster.close();
        }
    }
}

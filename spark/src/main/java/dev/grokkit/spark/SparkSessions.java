package dev.grokkit.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a sweep runs on by default: the cluster named by {@value #MASTER_ENV} (e.g.
 * spark://host:7077, k8s://https://host:443), else the one spark-submit gave (spark.master), else
 * Spark embedded in this JVM with one task per core, {@value #EMBEDDED_MASTER}.
 */
public final class SparkSessions {

    public static final String MASTER_ENV = "GROKKIT_SPARK_MASTER";
    /**
     * All cores, and up to 3 attempts per task: Spark's local mode gives a task a single attempt
     * unless its master says {@code local[N,F]}, while a cluster retries a task (4 attempts by default).
     */
    public static final String EMBEDDED_MASTER = "local[*,3]";

    private SparkSessions() {}

    /** The session {@value #MASTER_ENV}, spark-submit or the embedded default names (the running one, if any). */
    public static SparkSession fromEnvironment() {
        try {
            SparkSession.Builder builder = SparkSession.builder().appName("grokkit sweep");
            String master = System.getenv(MASTER_ENV);
            if (master != null && !master.isBlank()) {
                builder.master(master.strip());
            } else if (!new SparkConf().contains("spark.master")) {
                builder.master(EMBEDDED_MASTER);
            }
            return builder.getOrCreate();
        } catch (LinkageError e) {
            throw unresolvedHostOr(e);
        }
    }

    /**
     * Spark's first use asks for this machine's address (unless SPARK_LOCAL_IP is set) in a static
     * initializer, so a host name the machine cannot resolve surfaces as an obscure class-initialization
     * error, and as NoClassDefFoundError on every later try; this names the cause and the fix.
     */
    static RuntimeException unresolvedHostOr(LinkageError e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.net.UnknownHostException || message.contains("UnknownHostException")) {
                return new IllegalStateException("Spark cannot resolve this machine's host name (" + message
                        + "); set SPARK_LOCAL_IP to its address (127.0.0.1 for embedded Spark) or add the host"
                        + " name to /etc/hosts", e);
            }
        }
        throw e;
    }
}

package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on Spark embedded with two cores, {@code local[2,2]}: local[2] with two attempts per
 * task (Spark's local mode retries a failed task only when its master says so).
 */
class EmbeddedSparkSweepTest extends SparkSweepContract {

    @BeforeAll
    static void startSpark() {
        spark = session("local[2,2]").getOrCreate();
        assertEquals("local[2,2]", spark.sparkContext().master());
    }
}

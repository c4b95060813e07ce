package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {

    @Test
    void anUnresolvableHostNameIsNamedWithItsFix() {
        // Spark's first use: its static initializer fails on the host name
        var first = new ExceptionInInitializerError(new UnknownHostException("vm: vm: Name or service not known"));
        RuntimeException named = SparkSessions.unresolvedHostOr(first);
        assertTrue(named.getMessage().contains("vm: Name or service not known") && named.getMessage().contains("SPARK_LOCAL_IP"),
                named.getMessage());
        assertSame(first, named.getCause());
        // every later use: the JVM only says the class could not be initialized, with the first error's text
        var later = new NoClassDefFoundError("Could not initialize class org.apache.spark.internal.config.package$");
        later.initCause(new ExceptionInInitializerError("Exception java.net.UnknownHostException: vm: vm: Name or service not known"));
        assertTrue(SparkSessions.unresolvedHostOr(later).getMessage().contains("SPARK_LOCAL_IP"));
    }

    @Test
    void anyOtherLinkageErrorIsRethrownAsItIs() {
        var other = new NoClassDefFoundError("org/apache/spark/SparkConf");
        assertSame(other, assertThrows(NoClassDefFoundError.class, () -> SparkSessions.unresolvedHostOr(other)));
    }
}

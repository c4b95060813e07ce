package dev.grokkit.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippingTest {

    /** Not serializable: what a notebook's lambda might capture by accident. */
    static final class Cache {
        int size = 3;
    }

    record Point(double fraction, int seed) implements java.io.Serializable {}

    record PlainPoint(double fraction) {}

    @Test
    void aFactoryCapturingSomethingUnserializableIsRefusedWhenDefinedNamingIt() {
        Cache cache = new Cache();
        SweepFactory<Long> capturing = seed -> TinyRuns.plain(cache.size).apply(seed);
        var e = assertThrows(IllegalArgumentException.class, () -> SparkSweep.over("seed", List.of(1L), capturing));
        assertTrue(e.getMessage().contains("sweep over 'seed' cannot be shipped to Spark executors"), e.getMessage());
        assertTrue(e.getMessage().contains("the experiment factory"), e.getMessage());
        assertTrue(e.getMessage().contains(Cache.class.getName()), e.getMessage());
    }

    @Test
    void anUnserializablePointIsRefusedNamingIt() {
        SweepFactory<PlainPoint> factory = p -> TinyRuns.plain(10).apply(1L);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SparkSweep.over("point", List.of(new PlainPoint(0.5)), factory));
        assertTrue(e.getMessage().contains("point 1 (PlainPoint[fraction=0.5])"), e.getMessage());
        assertTrue(e.getMessage().contains(PlainPoint.class.getName()), e.getMessage());
    }

    @Test
    void namedFactoriesRecordPointsAndDataCapturingLambdasShip() {
        assertDoesNotThrow(() -> SparkSweep.over("seed", List.of(1L, 2L), TinyRuns.plain(10)));
        long steps = 10;
        SweepFactory<Point> lambda = p -> TinyRuns.plain(steps).apply((long) p.seed());
        assertDoesNotThrow(() -> SparkSweep.over("point", List.of(new Point(0.5, 1)), lambda));
    }

    @Test
    void theLocalSweepsChecksApply() {
        assertThrows(IllegalArgumentException.class, () -> SparkSweep.over("seed", List.of(1L, 1L), TinyRuns.plain(10)));
        assertThrows(IllegalArgumentException.class, () -> SparkSweep.over("steps", List.of(1L), TinyRuns.plain(10)));
        SparkSweep<Long> sweep = SparkSweep.over("seed", List.of(1L), TinyRuns.plain(10));
        var noScheme = assertThrows(IllegalArgumentException.class, () -> sweep.saveTo("/tmp/sweep", 10));
        assertTrue(noScheme.getMessage().contains("names no file system"), noScheme.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sweep.saveTo("file:///tmp/sweep", 0));
        var sameFolder = assertThrows(IllegalArgumentException.class,
                () -> SparkSweep.over("x", List.of("a", "A"), (SweepFactory<String>) s -> null).saveTo("file:///tmp/x", 1));
        assertTrue(sameFolder.getMessage().contains("case-insensitive"), sameFolder.getMessage());
    }
}

package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ClaimsTest {

    @Test
    void claimsBecomeATableAndCounts() {
        Sample a = Sample.of("a", 1.0, 1.1, 0.9);
        Sample b = Sample.of("b", 2.0, 2.1, 1.9);
        Claims claims = new Claims();
        Claim lower = Claim.that("a is lower").difference(a, b).below(0);
        assertSame(lower, claims.add(lower));
        claims.add(Claim.that("a is higher").difference(a, b).above(0));
        claims.add(Claim.that("a is about 1").mean(a).within(0.99, 1.01));
        assertEquals(1, claims.count(Verdict.HOLDS));
        assertEquals(1, claims.count(Verdict.DOES_NOT_HOLD));
        assertEquals(1, claims.count(Verdict.UNDECIDED));
        assertEquals("3 claims: holds 1, does not hold 1, undecided 1", claims.summary());

        Table t = claims.table();
        assertEquals(3, t.rowCount());
        assertEquals(java.util.List.of("claim", "verdict", "quantity", "estimate", "low", "high", "confidence",
                "claimed", "n", "note"), t.columnNames());
        assertEquals("a is higher", t.stringColumn("claim").get(1));
        assertEquals("does not hold", t.stringColumn("verdict").get(1));
        assertEquals(lower.low(), t.doubleColumn("low").get(0), 0);
        assertEquals("3 vs 3 seeds", t.stringColumn("n").get(0));
        Table held = t.where(t.stringColumn("verdict").isEqualTo("holds"));
        assertEquals(1, held.rowCount());
        assertEquals("a is lower", held.stringColumn("claim").get(0));
        assertEquals(lower + "\n", claims.toString().substring(0, lower.toString().length() + 1));
    }

    @Test
    void settingsGroupByVerdict() {
        Sample a = Sample.of("a", 1.0, 1.1, 0.9);
        Sample b = Sample.of("b", 2.0, 2.1, 1.9);
        var claimAt = new java.util.LinkedHashMap<Double, Claim>();
        claimAt.put(0.1, Claim.that("a is lower").difference(a, b).below(0));        // holds
        claimAt.put(0.2, Claim.that("a is higher").difference(a, b).above(0));       // does not hold
        claimAt.put(0.3, Claim.that("a is about 1").mean(a).within(0.99, 1.01));     // undecided
        claimAt.put(0.4, Claim.that("b is higher").difference(b, a).above(0));       // holds
        var groups = Claims.byVerdict(claimAt);
        assertEquals(java.util.List.of(0.1, 0.4), groups.get(Verdict.HOLDS));
        assertEquals(java.util.List.of(0.2), groups.get(Verdict.DOES_NOT_HOLD));
        assertEquals(java.util.List.of(0.3), groups.get(Verdict.UNDECIDED));
        assertEquals(java.util.List.of(), Claims.byVerdict(java.util.Map.<Double, Claim>of()).get(Verdict.HOLDS));
    }
}

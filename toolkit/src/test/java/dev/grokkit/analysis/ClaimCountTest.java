package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Counts of seeds reaching an event within a budget, and claims the runs cannot test. */
class ClaimCountTest {

    private static Claim count(double... steps) {
        return Claim.that("it generalizes within the budget").count(Sample.censored("A t_grok", 10_000, steps));
    }

    @Test
    void everySeedHoldsNoSeedDoesNotHoldSomeIsUndecided() {
        assertEquals(Verdict.HOLDS, count(60, 70, 80).verdict());
        assertEquals(Verdict.UNDECIDED, count(60, Double.NaN, 80).verdict());
        assertEquals(Verdict.UNDECIDED, count(Double.NaN, Double.NaN, 80).verdict());
        // every run held at the budget: a mean of them tested "< budget" would be undecided (no spread) or hold
        // by construction; the count says none reached it
        Claim none = count(Double.NaN, Double.NaN, Double.NaN);
        assertEquals(Verdict.DOES_NOT_HOLD, none.verdict());
        assertEquals(0, none.estimate(), 0);
        assertEquals(2, count(Double.NaN, 70, 9_999).estimate(), 0);
        assertEquals("holds: it generalizes within the budget (seeds with A t_grok within 10000 = 3, claimed 3 of 3; 3 seeds)",
                count(60, 70, 80).toString());
        assertEquals(Verdict.HOLDS, Claim.that("x").count(Sample.censored("B", 5, 1, 2, 3, 4)).verdict()); // 4 of 4
    }

    @Test
    void countingNeedsABudgetAndThreeSeeds() {
        assertThrows(IllegalArgumentException.class, () -> Claim.that("x").count(Sample.of("uncensored", 1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Claim.that("x").count(Sample.censored("two", 10, 1, 2)));
    }

    @Test
    void aClaimNotTestableIsUndecidedWithItsReason() {
        Claim c = Claim.that("the norm peaks before grokking").notTestable("the norm is largest at step 0 in 3 of 3 seeds");
        assertEquals(Verdict.UNDECIDED, c.verdict());
        assertTrue(Double.isNaN(c.estimate()));
        assertEquals("undecided: the norm peaks before grokking (not testable; the norm is largest at step 0 in 3 of 3 seeds)",
                c.toString());
        assertThrows(IllegalArgumentException.class, () -> Claim.that("x").notTestable(" "));
        Claims all = new Claims();
        all.add(c);
        assertEquals(1, all.table().rowCount());
    }

    @Test
    void aClaimWithAnIntervalPrintsAsBefore() {
        // 2 +- 4.303 * 0.577 (t at 2 df)
        assertEquals("undecided: A is positive (mean A 2, 95% CI [-0.484, 4.48], claimed > 0; 3 seeds)",
                Claim.that("A is positive").mean(Sample.of("A", 1, 2, 3)).above(0).toString());
    }
}

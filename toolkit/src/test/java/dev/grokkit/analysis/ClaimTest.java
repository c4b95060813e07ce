package dev.grokkit.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims decided on constructed samples. Reference intervals: SciPy 1.10 (Debian python3-scipy):
 * stats.ttest_rel / ttest_1samp(..).confidence_interval, and for Welch (which ttest_ind gives no
 * interval for in 1.10) d +- stats.t.ppf(0.975, df) * se with the Welch-Satterthwaite df.
 */
class ClaimTest {

    @Test
    void roundingNoiseAgainstTheIntervalPrintsAsZeroButSmallRealValuesKeepTheirDigits() {
        assertEquals("0", Claim.format(-3.69e-17, 0.0031));
        assertEquals("0.00125", Claim.format(0.00125, 0.0125));
        assertEquals("0.00000001", Claim.format(1e-8, 1));
        assertEquals("-0.0000000000000000369", Claim.format(-3.69e-17));
    }


    private static final Sample PERTURBED = Sample.of("perturbed", 700, 760, 650);
    private static final Sample STANDARD = Sample.of("standard", 1000, 1150, 930);

    @Test
    void aClearEffectHoldsAndItsOppositeDoesNot() {
        Claim sooner = Claim.that("perturbed training groks sooner").ratio(PERTURBED, STANDARD).below(1);
        assertEquals(Verdict.HOLDS, sooner.verdict(), sooner.toString());
        Claim later = Claim.that("perturbed training groks later").ratio(PERTURBED, STANDARD).above(1);
        assertEquals(Verdict.DOES_NOT_HOLD, later.verdict(), later.toString());
        Claim swapped = Claim.that("standard training groks sooner").ratio(STANDARD, PERTURBED).below(1);
        assertEquals(Verdict.DOES_NOT_HOLD, swapped.verdict(), swapped.toString());
    }

    @Test
    void overlappingNoiseIsUndecided() {
        Sample a = Sample.of("a", 1.0, 1.3, 0.9, 1.2);
        Sample b = Sample.of("b", 1.1, 0.95, 1.25, 1.05);
        Claim higher = Claim.that("a is higher than b").difference(a, b).above(0);
        assertEquals(Verdict.UNDECIDED, higher.verdict(), higher.toString());
        assertEquals(Verdict.UNDECIDED, Claim.that("a is lower than b").difference(a, b).below(0).verdict());
    }

    @Test
    void welchIntervalsMatchScipy() {
        Sample x = Sample.of("x", 1.2, 1.5, 1.1, 1.4, 1.3);
        Sample y = Sample.of("y", 0.9, 1.0, 1.25, 0.8);
        Evidence d = Claim.that("x exceeds y").difference(x, y);
        assertEquals(0.3125, d.estimate(), 1e-12);
        assertEquals(0.01750307622513103, d.low(), 1e-9);
        assertEquals(0.607496923774869, d.high(), 1e-9);
        Evidence r = Claim.that("perturbed training groks sooner").ratio(PERTURBED, STANDARD);
        assertEquals(0.686353838212658, r.estimate(), 1e-12);
        assertEquals(0.5496729520213472, r.low(), 1e-9);
        assertEquals(0.8570215971095347, r.high(), 1e-9);
    }

    @Test
    void pairedSeedsRemoveTheSpreadBetweenSeeds() {
        // each seed shifts both conditions alike; the condition adds about 0.3
        Sample a = Sample.of("a", 10.2, 20.5, 30.1, 15.3);
        Sample b = Sample.of("b", 10.0, 20.0, 29.8, 15.0);
        Evidence paired = Claim.that("a is higher than b").pairedDifference(a, b);
        assertEquals(0.3250000000000002, paired.estimate(), 1e-12);
        assertEquals(0.12477547746637249, paired.low(), 1e-9);
        assertEquals(0.5252245225336278, paired.high(), 1e-9);
        assertEquals(Verdict.HOLDS, paired.above(0).verdict());
        assertEquals(Verdict.UNDECIDED, Claim.that("a is higher than b").difference(a, b).above(0).verdict());
        Evidence ratio = Claim.that("a is higher than b").pairedRatio(a, b);
        assertEquals(1.0187523184571963, ratio.estimate(), 1e-12);
        assertEquals(1.0088220621538846, ratio.low(), 1e-9);
        assertEquals(1.028780322414875, ratio.high(), 1e-9);
        assertEquals("4 paired seeds", ratio.above(1).n());
    }

    @Test
    void aMeanIsComparedWithAReferenceAtTheChosenConfidence() {
        Sample correlation = Sample.of("correlation", 0.12, 0.3, 0.05, 0.22, 0.18);
        Evidence mean = Claim.that("the correlation is positive").confidence(0.9).mean(correlation);
        assertEquals(0.174, mean.estimate(), 1e-12);
        assertEquals(0.08315230553528322, mean.low(), 1e-9);
        assertEquals(0.2648476944647167, mean.high(), 1e-9);
        assertEquals(Verdict.HOLDS, mean.above(0).verdict());
        assertEquals(Verdict.UNDECIDED, mean.above(0.1).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, mean.above(0.3).verdict());
    }

    /** 7 of 8 falls in every seed: a zero-width interval would decide what 3 seeds cannot. */
    @Test
    void valuesWithoutSpreadDecideNothing() {
        Sample falling = Sample.of("fraction falling", 0.875, 0.875, 0.875);
        Claim mean = Claim.that("the sharpness keeps falling").mean(falling).above(0.8);
        assertEquals(Verdict.UNDECIDED, mean.verdict());
        assertEquals("no spread over the values, so no interval", mean.note());
        Sample steps = Sample.of("t_grok", 2000, 2500, 3000);
        Sample later = Sample.of("t_grok, regularized", 2050, 2550, 3050); // one logging interval later in every seed
        assertEquals(Verdict.UNDECIDED, Claim.that("regularized training groks later").pairedDifference(later, steps).above(0).verdict());
        assertEquals(Verdict.HOLDS, Claim.that("regularized training groks later")
                .pairedDifference(Sample.of("t_grok, regularized", 2050, 2600, 3100), steps).above(0).verdict());
    }

    @Test
    void aSlopeIsDecidedOnTheFitsInterval() {
        LineFit fit = Fits.line(new double[] {1, 2, 3, 4, 5, 6}, new double[] {2.1, 3.9, 6.2, 7.8, 10.1, 12.2});
        Evidence slope = Claim.that("y rises with x").slope(fit);
        assertEquals(fit.slopeLow(), slope.low(), 1e-12);
        assertEquals(fit.slopeHigh(), slope.high(), 1e-12);
        assertEquals(Verdict.HOLDS, slope.above(0).verdict());
        assertEquals(Verdict.HOLDS, slope.within(1.8, 2.2).verdict());
        assertEquals(Verdict.UNDECIDED, slope.within(2.05, 2.5).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, slope.within(2.5, 3).verdict());
        // at 50%: slope +- t_(0.75, 4) se (SciPy)
        Evidence half = Claim.that("y rises with x").confidence(0.5).slope(fit);
        assertEquals(1.988326460387977, half.low(), 1e-9);
        assertEquals(2.0516735396120223, half.high(), 1e-9);
        assertEquals(Verdict.HOLDS, half.within(1.95, 2.1).verdict());
        assertEquals("6 points", half.above(0).n());
    }

    @Test
    void theFindingIsOneLine() {
        Claim c = Claim.that("perturbed training groks sooner").ratio(PERTURBED, STANDARD).below(1);
        assertEquals("holds: perturbed training groks sooner (perturbed/standard ratio 0.686, 95% CI [0.55, 0.857],"
                + " claimed < 1; 3 vs 3 seeds)", c.toString());
    }

    @Test
    void twoSingleRunsOrTooFewSeedsAreRefusedNamingTheClaim() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Claim.that("A beats B").difference(Sample.of("A", 0.9), Sample.of("B", 0.8)));
        assertTrue(e.getMessage().contains("'A beats B'") && e.getMessage().contains("'A' has 1 value")
                && e.getMessage().contains("at least 3 seeds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Claim.that("A beats B").ratio(Sample.of("A", 1, 2, 3), Sample.of("B", 1, 2)));
        assertTrue(e.getMessage().contains("'B' has 2 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Claim.that("m > 0").mean(Sample.of("m", 1, 2)));
        assertTrue(e.getMessage().contains("'m > 0'"), e.getMessage());
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Claim.that("A sooner").confidence(1));
        assertTrue(e.getMessage().contains("'A sooner'") && e.getMessage().contains("confidence"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sample.of("acc", 0.9, Double.NaN, 0.8));
        assertTrue(e.getMessage().contains("'acc'") && e.getMessage().contains("value 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Claim.that("A sooner").ratio(Sample.of("A", 1, 0, 3), STANDARD));
        assertTrue(e.getMessage().contains("positive") && e.getMessage().contains("value 1 of sample 'A'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Claim.that("A higher").pairedDifference(Sample.of("A", 1, 2, 3, 4), Sample.of("B", 1, 2, 3)));
        assertTrue(e.getMessage().contains("'A' has 4 values and 'B' 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Claim.that("A higher").difference(STANDARD, STANDARD));
        assertTrue(e.getMessage().contains("same name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sample.censored("t_grok", 1000, 500, 1500, Double.NaN));
        assertTrue(e.getMessage().contains("'t_grok'") && e.getMessage().contains("beyond the budget"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Claim.that("A higher").difference(STANDARD, PERTURBED).within(2, 1));
        assertTrue(e.getMessage().contains("'A higher'"), e.getMessage());
    }

    @Test
    void runsThatNeverGrokkedCountAsTheBudgetAndMayOnlyStrengthenTheVerdict() {
        Sample quick = Sample.of("perturbed", 100, 120, 110);
        // one standard run never grokked within 5000 steps: held at 5000, its true step is larger
        Sample slow = Sample.grokkingSteps("standard", 5000, List.of(new GrokkingTimes(0.99, 50, 2000),
                new GrokkingTimes(0.99, 50, 2400), new GrokkingTimes(0.99, 50, -1)));
        assertEquals(1, slow.censoredCount());
        assertEquals(5000, slow.values()[2]);
        // larger values can only lower perturbed/standard: "holds" stands
        Claim sooner = Claim.that("perturbed training groks sooner").ratio(quick, slow).below(1);
        assertEquals(Verdict.HOLDS, sooner.verdict(), sooner.toString());
        assertEquals("1 of 3 standard censored at 5000", sooner.note());
        // and raise standard/perturbed: "does not hold" stands
        Claim reverse = Claim.that("standard training groks sooner").ratio(slow, quick).below(1);
        assertEquals(Verdict.DOES_NOT_HOLD, reverse.verdict(), reverse.toString());

        // censored runs in the sample claimed sooner: held at the budget it looks sooner, but
        // larger true values could reverse that
        Sample cut = Sample.censored("perturbed", 150, 100, 110, Double.NaN);
        Sample steady = Sample.of("standard", 2000, 2200, 2100);
        Evidence atBudget = Claim.that("perturbed training groks sooner").ratio(cut, steady);
        assertTrue(atBudget.high() < 1, atBudget.toString());
        Claim undecided = atBudget.below(1);
        assertEquals(Verdict.UNDECIDED, undecided.verdict(), undecided.toString());
        assertEquals("1 of 3 perturbed censored at 150, larger values could reverse 'holds'", undecided.note());
        // nor can "perturbed groks later" be called false: larger values push toward it
        Claim later = atBudget.above(1);
        assertEquals(Verdict.UNDECIDED, later.verdict(), later.toString());
        assertTrue(later.note().endsWith("could reverse 'does not hold'"), later.note());

        // censored runs on both sides: nothing stands but undecided
        Sample bothSlow = Sample.censored("standard", 5000, 2000, 2400, Double.NaN);
        Claim both = Claim.that("A groks sooner").ratio(Sample.censored("A", 150, 100, 110, Double.NaN), bothSlow).below(1);
        assertEquals(Verdict.UNDECIDED, both.verdict(), both.toString());

        // no run grokked in either condition: ratio 1 exactly, which decides nothing
        Claim none = Claim.that("A groks sooner").ratio(Sample.censored("A", 5000, Double.NaN, Double.NaN, Double.NaN),
                Sample.censored("B", 5000, Double.NaN, Double.NaN, Double.NaN)).below(1);
        assertEquals(Verdict.UNDECIDED, none.verdict(), none.toString());
        assertEquals(1, none.high(), 0);
    }

    /**
     * A censored value beyond its budget moves the estimate deeper into "holds" but widens the
     * interval: paired log-ratios -0.5, -0.45, -0.4 hold "sooner" (ratio [0.56, 0.72]), but with the
     * censored third standard run at twice its budget the log-ratios are -0.5, -0.45, -1.09 and the
     * interval reaches 1.23: the verdict does not stand.
     */
    @Test
    void aVerdictWithCensoredValuesStandsOnlyIfItSurvivesTwiceTheBudget() {
        Sample standard = Sample.censored("standard", 1000, 800, 900, Double.NaN);
        Sample perturbed = Sample.of("perturbed", 800 * Math.exp(-0.5), 900 * Math.exp(-0.45), 1000 * Math.exp(-0.4));
        Evidence ratio = Claim.that("perturbed training groks sooner").pairedRatio(perturbed, standard);
        assertTrue(ratio.high() < 1, ratio.toString());
        Claim sooner = ratio.below(1);
        assertEquals(Verdict.UNDECIDED, sooner.verdict(), sooner.toString());
        assertEquals("1 of 3 standard censored at 1000, with the censored values at 2x their budget it would be undecided",
                sooner.note());
        // far enough apart, the verdict survives the stretch
        Claim clear = Claim.that("perturbed training groks sooner").pairedRatio(Sample.of("perturbed", 80, 95, 90), standard).below(1);
        assertEquals(Verdict.HOLDS, clear.verdict(), clear.toString());
        assertArrayEquals(standard.values(), standard.censoredAt(1).values());
        assertEquals(2000, standard.censoredAt(2).values()[2]);
        assertEquals(900, standard.censoredAt(2).values()[1]);
        assertThrows(IllegalArgumentException.class, () -> standard.censoredAt(0.5));
    }

    /** ln t against N: a censored run at the small-N end only steepens the fall; one in the middle widens the interval past 0. */
    @Test
    void aSlopeWithCensoredValuesStandsOnlyIfItSurvivesTwiceTheBudget() {
        double[] n = {100, 200, 300, 400, 500, 600};
        Sample clear = Sample.censored("t_grok", 5000, Double.NaN, 2000, 1200, 700, 420, 250);
        Claim falls = Claim.that("t_grok falls with N").slope(n, clear, Fits::exponential).below(0);
        assertEquals(Verdict.HOLDS, falls.verdict(), falls.toString());
        assertEquals("6 points, 1 t_grok censored at 5000", falls.n());
        assertEquals(Fits.exponential(n, clear.values()).slope(), falls.estimate(), 1e-12);
        // a censored point in the middle: at twice the budget it lies far off the line and the interval widens past 0
        Sample late = Sample.censored("t_grok", 3000, 3000, 2600, Double.NaN, 1700, 1500, 1200);
        Evidence held = Claim.that("t_grok falls with N").slope(n, late, Fits::exponential);
        assertTrue(held.high() < 0, held.toString());
        Claim given = held.below(0);
        assertEquals(Verdict.UNDECIDED, given.verdict(), given.toString());
        assertTrue(given.note().contains("at 2x their budget it would be"), given.note());
        assertEquals(Claim.that("x").slope(Fits.exponential(n, new double[] {6, 5, 4, 3, 2, 1.5})).estimate(),
                Claim.that("x").slope(n, Sample.of("y", 6, 5, 4, 3, 2, 1.5), Fits::exponential).estimate(), 0);
    }

    /** Replicates 0, 1/999, ..., 1: the 95% percentile interval is [0.025, 0.975] (type-7 quantiles). */
    @Test
    void aBootstrapIsDecidedOnItsPercentileInterval() {
        double[] replicates = new double[1000];
        for (int i = 0; i < replicates.length; i++) {
            replicates[i] = i / 999.0;
        }
        Evidence e = Claim.that("positive").bootstrap("d", 0.5, replicates, "21 points");
        assertEquals(0.025, e.low(), 1e-12);
        assertEquals(0.975, e.high(), 1e-12);
        assertEquals(Verdict.HOLDS, e.above(0).verdict());
        assertEquals(Verdict.UNDECIDED, e.above(0.5).verdict());
        assertEquals(Verdict.DOES_NOT_HOLD, e.below(0).verdict());
        assertThrows(IllegalArgumentException.class,
                () -> Claim.that("positive").bootstrap("d", 0.5, new double[99], "few"));
    }

    @Test
    void outsideIsTheComplementOfWithin() {
        // a ratio far from 1 differs by more than 10%; one near 1 with a tight interval does not
        Sample a = Sample.of("a", 2.0, 2.1, 1.9);
        Sample b = Sample.of("b", 1.0, 1.01, 0.99);
        Claim differs = Claim.that("a differs from b by more than 10%").ratio(a, b).outside(0.9, 1.1);
        assertEquals(Verdict.HOLDS, differs.verdict(), differs.toString());
        assertEquals("outside [0.9, 1.1]", differs.claimed());
        Sample c = Sample.of("c", 1.0, 1.005, 0.995);
        Claim same = Claim.that("c differs from b by more than 10%").ratio(c, b).outside(0.9, 1.1);
        assertEquals(Verdict.DOES_NOT_HOLD, same.verdict(), same.toString());
        Sample wide = Sample.of("wide", 0.7, 1.4, 1.0);
        assertEquals(Verdict.UNDECIDED, Claim.that("wide differs").ratio(wide, b).outside(0.9, 1.1).verdict());
        // a censored run that could only make a's values larger: 'a below the range' could be reversed
        Sample low = Sample.censored("low", 0.5, 0.4, 0.42, Double.NaN);
        Claim cut = Claim.that("low differs from b").ratio(low, b).outside(0.9, 1.1);
        assertEquals(Verdict.UNDECIDED, cut.verdict(), cut.toString());
        assertTrue(cut.note().contains("could reverse 'holds'"), cut.note());
    }
}

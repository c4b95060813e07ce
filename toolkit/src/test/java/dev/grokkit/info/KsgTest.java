package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KsgTest {

    private static final double TRUTH_09 = -0.5 * Math.log(1 - 0.81); // 0.8304 nats

    /** Brute-force n^2 version of the counts each algorithm defines (see Ksg's comment). */
    private static int[][] bruteForceCounts(double[][] x, double[][] y, int k, boolean second) {
        int n = x.length;
        int[][] counts = new int[2][n];
        for (int i = 0; i < n; i++) {
            double[] joint = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                joint[j] = j == i ? Double.POSITIVE_INFINITY
                        : Math.max(Ksg.maxDistance(x[i], x[j]), Ksg.maxDistance(y[i], y[j]));
                order[j] = j;
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(joint[p], joint[q]));
            double eps = joint[order[k - 1]];
            double ex = 0;
            double ey = 0;
            for (int m = 0; m < k; m++) {
                ex = Math.max(ex, Ksg.maxDistance(x[i], x[order[m]]));
                ey = Math.max(ey, Ksg.maxDistance(y[i], y[order[m]]));
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = Ksg.maxDistance(x[i], x[j]);
                double dy = Ksg.maxDistance(y[i], y[j]);
                counts[0][i] += (second ? dx <= ex : dx < eps) ? 1 : 0;
                counts[1][i] += (second ? dy <= ey : dy < eps) ? 1 : 0;
            }
        }
        return counts;
    }

    @Test
    void countsEqualABruteForceScan() {
        Random r = new Random(7);
        double[][] x = Gaussians.standard(r, 300, 2);
        double[][] y = Gaussians.standard(r, 300, 3);
        // Data on a coarse grid: many exactly tied distances test the strict/inclusive boundaries.
        double[][] gx = new double[300][2];
        double[][] gy = new double[300][1];
        for (int i = 0; i < 300; i++) {
            gx[i][0] = r.nextInt(12);
            gx[i][1] = r.nextInt(12) + 0.5 * gx[i][0];
            gy[i][0] = r.nextInt(20) * 0.25 + gx[i][0];
        }
        for (int k : new int[] {1, 3, 5}) {
            for (boolean second : new boolean[] {false, true}) {
                Ksg ksg = (second ? Ksg.algorithm2() : Ksg.algorithm1()).k(k);
                int[][] expected = bruteForceCounts(x, y, k, second);
                int[][] actual = ksg.neighbourCounts(x, y);
                assertArrayEquals(expected[0], actual[0]);
                assertArrayEquals(expected[1], actual[1]);
                if (!second) { // with ties, which k points are algorithm 2's neighbours is arbitrary
                    expected = bruteForceCounts(gx, gy, k, false);
                    actual = ksg.neighbourCounts(gx, gy);
                    assertArrayEquals(expected[0], actual[0], "tied grid, k=" + k);
                    assertArrayEquals(expected[1], actual[1], "tied grid, k=" + k);
                }
            }
        }
    }

    /**
     * rho = 0.9, n = 1000, k = 3 (truth 0.8304 nats): every run of 30 within 0.11, the mean of 100
     * runs within 0.02. The estimator itself is biased by about +0.012 here (SciPy KSG, 200 seeds,
     * per-run spread 0.036), so the "mean of 30 within 0.01" is not a property KSG has.
     */
    @Test
    void correlatedGaussiansMatchTheClosedForm() {
        for (Ksg ksg : new Ksg[] {Ksg.algorithm1(), Ksg.algorithm2()}) {
            double sum = 0;
            int runs = 100;
            for (int seed = 0; seed < runs; seed++) {
                double[][][] xy = Gaussians.correlatedPair(new Random(seed), 1000, 0.9);
                double mi = ksg.mutualInformation(xy[0], xy[1]);
                if (seed < 30) {
                    assertEquals(TRUTH_09, mi, 0.11, "seed " + seed);
                }
                sum += mi;
            }
            System.out.printf("KSG rho=0.9 %s: mean of %d runs - truth = %.4f%n",
                    ksg, runs, sum / runs - TRUTH_09);
            assertEquals(TRUTH_09, sum / runs, 0.02);
        }
    }

    @Test
    void independentDataGiveAboutZero() {
        double sum = 0;
        for (int seed = 0; seed < 30; seed++) {
            Random r = new Random(100 + seed);
            sum += Ksg.algorithm1().mutualInformation(Gaussians.standard(r, 1000, 1), Gaussians.standard(r, 1000, 1));
        }
        System.out.printf("KSG independent: mean of 30 runs = %.4f%n", sum / 30);
        assertEquals(0, sum / 30, 0.005);
    }

    /**
     * The known bias, measured rather than hidden: with rho = 0.8 in each of d coordinates (truth
     * -d/2 ln 0.36), n = 1000, k = 3, KSG is close at d = 1-2 but misses about a fifth of the
     * information at d = 4 (1.56 of 2.04 nats) and over half at d = 8 (1.85 of 4.09).
     */
    @Test
    void underestimatesLargeInformationInHigherDimensions() {
        for (int d : new int[] {2, 4, 8}) {
            double truth = -0.5 * d * Math.log(1 - 0.64);
            double sum = 0;
            for (int run = 0; run < 5; run++) {
                Random r = new Random(run);
                double[][] x = Gaussians.standard(r, 1000, d);
                double[][] y = new double[1000][d];
                for (int i = 0; i < 1000; i++) {
                    for (int a = 0; a < d; a++) {
                        y[i][a] = 0.8 * x[i][a] + 0.6 * r.nextGaussian();
                    }
                }
                sum += Ksg.algorithm1().mutualInformation(x, y);
            }
            double relativeError = (sum / 5 - truth) / truth;
            System.out.printf("KSG d=%d: mean %.3f, truth %.3f, relative error %+.2f%n", d, sum / 5, truth, relativeError);
            if (d == 2) {
                assertEquals(0, relativeError, 0.03);
            } else {
                assertTrue(relativeError < (d == 4 ? -0.15 : -0.4), "d=" + d + ": " + relativeError);
            }
        }
    }

    @Test
    void agreesWithScipyKdTreeKsgOnTheSameData() {
        assertEquals(Reference.expected().get("ksg1_x_y"),
                Ksg.algorithm1().mutualInformation(Reference.matrix("x"), Reference.matrix("y")), 1e-10);
    }

    @Test
    void badInputsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ksg.algorithm1().mutualInformation(new double[5][1], new double[4][1]));
        assertTrue(e.getMessage().startsWith("y:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ksg.algorithm1().k(0));
        assertTrue(e.getMessage().startsWith("k:"), e.getMessage());
    }
}

package dev.grokkit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KozachenkoLeonenkoTest {

    /** x = L e with a fixed lower-triangular L: covariance L L^T, det = prod L_aa^2. */
    private static double[][] correlatedGaussian(Random r, int n, int d, double[][] l) {
        double[][] e = Gaussians.standard(r, n, d);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    x[i][a] += l[a][b] * e[i][b];
                }
            }
        }
        return x;
    }

    /** Issue 6: Gaussians of dimension 1-5 at n = 1000 within 0.07 nats of 0.5 ln((2 pi e)^d det S). */
    @Test
    void gaussianEntropiesMatchTheClosedForm() {
        Random r = new Random(11);
        for (int d = 1; d <= 5; d++) {
            double[][] l = new double[d][d];
            double logDet = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    l[a][b] = r.nextGaussian();
                }
                l[a][a] = 0.5 + a;
                logDet += 2 * Math.log(l[a][a]);
            }
            double truth = 0.5 * (d * Math.log(2 * Math.PI * Math.E) + logDet);
            double sum = 0;
            int runs = 10;
            for (int run = 0; run < runs; run++) {
                sum += KozachenkoLeonenko.estimator().entropy(correlatedGaussian(r, 1000, d, l));
            }
            assertEquals(truth, sum / runs, 0.07, "dimension " + d);
        }
    }

    @Test
    void agreesWithAScipyKdTreeVersionOnTheSameData() {
        assertEquals(Reference.expected().get("kl_x"), KozachenkoLeonenko.estimator().entropy(Reference.matrix("x")), 1e-10);
        assertEquals(Reference.expected().get("kl_y"), KozachenkoLeonenko.estimator().entropy(Reference.matrix("y")), 1e-10);
    }

    /**
     * H(A x) = H(x) + ln |det A|. For A = 3 I whitening sees the same points, so the identity is
     * exact; for A = diag(10, 0.1) (det 1) the whitened points agree up to a rotation, which the
     * max-norm notices a little; without whitening the elongated sample is estimated badly.
     */
    @Test
    void whiteningMakesTheEstimateInvariantToScaling() {
        double[][] x = Gaussians.standard(new Random(3), 800, 2);
        double[][] uniform = new double[800][2];
        double[][] elongated = new double[800][2];
        for (int i = 0; i < 800; i++) {
            uniform[i][0] = 3 * x[i][0];
            uniform[i][1] = 3 * x[i][1];
            elongated[i][0] = 10 * x[i][0];
            elongated[i][1] = 0.1 * x[i][1];
        }
        KozachenkoLeonenko kl = KozachenkoLeonenko.estimator();
        assertEquals(kl.entropy(x) + 2 * Math.log(3), kl.entropy(uniform), 1e-9);
        assertEquals(kl.entropy(x), kl.entropy(elongated), 0.05);
        assertTrue(Math.abs(kl.whitening(false).entropy(elongated) - kl.entropy(x)) > 0.1);
    }

    @Test
    void continuousDiscreteInformation() {
        Random r = new Random(4);
        int n = 1500;
        double[][] t = new double[n][2];
        int[] labels = new int[n];
        int[] shuffled = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            shuffled[i] = r.nextInt(3);
            t[i][0] = 30 * labels[i] + r.nextGaussian();
            t[i][1] = r.nextGaussian();
        }
        double[][] gaussian = Gaussians.standard(r, n, 2);
        // Well separated classes: T determines Y, I(T; Y) = H(Y) = ln 3.
        assertEquals(Math.log(3), KozachenkoLeonenko.estimator().mutualInformation(t, labels), 0.05);
        // Labels independent of T: I = 0.
        assertEquals(0, KozachenkoLeonenko.estimator().mutualInformation(gaussian, shuffled), 0.03);
    }

    @Test
    void badInputsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KozachenkoLeonenko.estimator().mutualInformation(new double[4][1], new int[3]));
        assertTrue(e.getMessage().startsWith("labels:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KozachenkoLeonenko.estimator().entropy(new double[3][1]));
        assertTrue(e.getMessage().startsWith("x:"), e.getMessage());
    }
}

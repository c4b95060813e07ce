package dev.grokkit.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.engine.Grokkit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusedAdamKernelTest {

    private static final Betas BETAS = new Betas(0.9, 0.98);

    /**
     * A tensor large enough for the kernel's vectorized, multi-threaded loop (and an odd length
     * for its scalar tail) follows the rule in doubles, for Adam and AdamW: weight, gradient and
     * both moments reach the kernel in their places.
     */
    @Test
    void largeTensorsFollowTheRuleInDoubles() {
        int n = 40_003;
        Random random = new Random(7);
        float[] w0 = new float[n];
        float[][] grads = new float[3][n];
        for (int i = 0; i < n; i++) {
            w0[i] = (float) random.nextGaussian();
            for (float[] g : grads) {
                g[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        for (boolean decoupled : new boolean[] {true, false}) {
            double lr = 1e-2;
            double wd = 0.5;
            double eps = 1e-8;
            try (NDManager manager = Grokkit.engine().newBaseManager()) {
                NDArray w = manager.create(w0);
                NDArray m = manager.zeros(new Shape(n), DataType.FLOAT32);
                NDArray v = manager.zeros(new Shape(n), DataType.FLOAT32);
                double[] ew = new double[n];
                double[] em = new double[n];
                double[] ev = new double[n];
                for (int i = 0; i < n; i++) {
                    ew[i] = w0[i];
                }
                for (int t = 1; t <= grads.length; t++) {
                    FusedAdamKernel.update(w, manager.create(grads[t - 1]), m, v, t, lr, BETAS, eps, wd, decoupled);
                    for (int i = 0; i < n; i++) {
                        double g = grads[t - 1][i];
                        if (decoupled) {
                            ew[i] *= 1 - lr * wd;
                        } else {
                            g += wd * ew[i];
                        }
                        em[i] = 0.9 * em[i] + 0.1 * g;
                        ev[i] = 0.98 * ev[i] + 0.02 * g * g;
                        ew[i] -= lr / (1 - Math.pow(0.9, t)) * em[i]
                                / (Math.sqrt(ev[i]) / Math.sqrt(1 - Math.pow(0.98, t)) + eps);
                    }
                }
                float[] fw = w.toFloatArray();
                float[] fm = m.toFloatArray();
                float[] fv = v.toFloatArray();
                for (int i = 0; i < n; i += 997) {
                    assertEquals(ew[i], fw[i], 1e-5 * (1 + Math.abs(ew[i])), "w[" + i + "], decoupled " + decoupled);
                    assertEquals(em[i], fm[i], 1e-6, "m[" + i + "]");
                    assertEquals(ev[i], fv[i], 1e-7, "v[" + i + "]");
                }
            }
        }
    }

    /** What libtorch would throw (and what would end the process through JNA) is refused in Java. */
    @Test
    void rejectsArraysOfAnotherTypeShapeOrKind() {
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            NDArray w = manager.zeros(new Shape(4), DataType.FLOAT32);
            NDArray ok = manager.zeros(new Shape(4), DataType.FLOAT32);
            NDArray shorter = manager.zeros(new Shape(3), DataType.FLOAT32);
            NDArray doubles = manager.zeros(new Shape(4), DataType.FLOAT64);
            NDArray ints = manager.zeros(new Shape(4), DataType.INT32);
            assertThrows(IllegalArgumentException.class,
                    () -> FusedAdamKernel.update(w, ok, shorter, ok, 1, 1e-3, BETAS, 1e-8, 0, true));
            assertThrows(IllegalArgumentException.class,
                    () -> FusedAdamKernel.update(w, doubles, ok, ok, 1, 1e-3, BETAS, 1e-8, 0, true));
            assertThrows(IllegalArgumentException.class,
                    () -> FusedAdamKernel.update(ints, ints, ints, ints, 1, 1e-3, BETAS, 1e-8, 0, false));
        }
    }
}

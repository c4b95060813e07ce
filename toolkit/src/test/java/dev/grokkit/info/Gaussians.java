package dev.grokkit.info;

import java.util.Random;

/** Seeded Gaussian samples for estimator tests. */
final class Gaussians {

    private Gaussians() {}

    /** n rows of d independent standard normals. */
    static double[][] standard(Random r, int n, int d) {
        double[][] z = new double[n][d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                row[a] = r.nextGaussian();
            }
        }
        return z;
    }

    /** Column j of the pair (x, y) with corr(x, y) = rho: y = rho x + sqrt(1 - rho^2) e. */
    static double[][][] correlatedPair(Random r, int n, double rho) {
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            y[i][0] = rho * x[i][0] + Math.sqrt(1 - rho * rho) * r.nextGaussian();
        }
        return new double[][][] {x, y};
    }
}

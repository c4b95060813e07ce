package dev.grokkit.info;

import dev.grokkit.linalg.SymmetricEigen;

/**
 * Whitened PCA: the projection of centred features onto the top {@code dims} eigenvectors of
 * their covariance, each divided by the square root of its eigenvalue, so the projected data have
 * zero mean and identity covariance: t = diag(lambda)^(-1/2) V^T (z - mean). The information
 * plane compresses inputs and layers this way before k-NN estimation; with dims = d it is the
 * whitening of the Kozachenko-Leonenko estimator.
 */
public final class WhitenedPca {

    /** Components whose variance is below this fraction of the largest cannot be whitened. */
    static final double RELATIVE_VARIANCE_FLOOR = 1e-10;

    private final double[] mean;
    private final double[] variances;
    private final double[][] projection; // (dims, d): row c = v_c / sqrt(lambda_c)

    private WhitenedPca(double[] mean, double[] variances, double[][] projection) {
        this.mean = mean;
        this.variances = variances;
        this.projection = projection;
    }

    /**
     * Fits the projection to the rows of z (n, d). Fails if the features have fewer than
     * {@code dims} directions of nonzero variance.
     */
    public static WhitenedPca fit(double[][] z, int dims) {
        int d = Features.checkRows("z", z);
        if (dims < 1 || dims > d) {
            throw new IllegalArgumentException("dims: must lie in [1, " + d + "] for " + d + "-d features, was " + dims);
        }
        double[] mean = new double[d];
        for (double[] row : z) {
            for (int a = 0; a < d; a++) {
                mean[a] += row[a] / z.length;
            }
        }
        SymmetricEigen s = SymmetricEigen.of(MatrixEntropy.covariance(z));
        int last = d - 1; // eigenvalues come ascending: component c is eigenpair last - c
        double[] lambda = new double[d];
        for (int c = 0; c < d; c++) {
            lambda[c] = s.values()[last - c];
        }
        double[] variances = new double[dims];
        double[][] projection = new double[dims][d];
        for (int c = 0; c < dims; c++) {
            if (!(lambda[c] > RELATIVE_VARIANCE_FLOOR * lambda[0])) {
                throw new IllegalArgumentException("z: has only " + c + " directions of nonzero variance, "
                        + dims + " requested (variance " + lambda[c] + " vs largest " + lambda[0] + ")");
            }
            variances[c] = lambda[c];
            double inv = 1 / Math.sqrt(lambda[c]);
            for (int a = 0; a < d; a++) {
                projection[c][a] = s.vectors()[a][last - c] * inv;
            }
        }
        return new WhitenedPca(mean, variances, projection);
    }

    /** Fits to z and returns z compressed to dims whitened coordinates. */
    public static double[][] compress(double[][] z, int dims) {
        return fit(z, dims).transform(z);
    }

    /** The projection of rows of the fitted width d. */
    public double[][] transform(double[][] z) {
        int d = Features.checkRows("z", z);
        if (d != mean.length) {
            throw new IllegalArgumentException("z: rows must have the fitted width " + mean.length + ", have " + d);
        }
        double[][] t = new double[z.length][projection.length];
        double[] centred = new double[d];
        for (int i = 0; i < z.length; i++) {
            for (int a = 0; a < d; a++) {
                centred[a] = z[i][a] - mean[a];
            }
            for (int c = 0; c < projection.length; c++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    s += projection[c][a] * centred[a];
                }
                t[i][c] = s;
            }
        }
        return t;
    }

    /** The kept eigenvalues of the covariance, largest first. */
    public double[] variances() {
        return variances.clone();
    }

    /** ln of the product of the kept variances: ln det of the covariance when all are kept. */
    public double logVolume() {
        double s = 0;
        for (double v : variances) {
            s += Math.log(v);
        }
        return s;
    }
}

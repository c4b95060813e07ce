package dev.grokkit.hessian;

/**
 * A real symmetric linear map A on R^n known only through products v -> Av: a Hessian, one of
 * its diagonal blocks, or an explicit matrix. Every estimator in this package works on one.
 */
public interface SymmetricOperator {

    /** n, the length of the vectors it acts on. */
    int dimension();

    /** Av for a vector v of length {@link #dimension()}; v is not modified. */
    double[] apply(double[] v);

    /** The operator of an explicit symmetric matrix (rows of equal length n). */
    static SymmetricOperator of(double[][] matrix) {
        return new MatrixOperator(matrix);
    }
}

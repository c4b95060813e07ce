package dev.grokkit.hessian;

import java.util.List;

/** The k eigenvalues of largest magnitude found by power iteration, in the order found, and their unit eigenvectors. */
public record TopEigenpairs(double[] values, List<double[]> vectors) {

    public TopEigenpairs {
        values = values.clone();
        vectors = List.copyOf(vectors);
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}

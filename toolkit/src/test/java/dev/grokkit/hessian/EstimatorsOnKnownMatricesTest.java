package dev.grokkit.hessian;

import dev.grokkit.linalg.SymmetricEigen;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every estimator on explicit symmetric matrices (quadratic losses) whose spectrum is known. */
class EstimatorsOnKnownMatricesTest {

    private static final int N = 60;
    private final double[] eigenvalues = KnownMatrices.testEigenvalues(N);
    private final SymmetricOperator a = SymmetricOperator.of(KnownMatrices.withEigenvalues(eigenvalues, 3));

    private double exactTrace() {
        return Arrays.stream(eigenvalues).sum();
    }

    @Test
    void spectrumEntropyGapIsZeroForFlatAndLogNForRankOne() {
        assertEquals(0, Spectrum.exact(new double[] {2, 2, 2, 2}).entropyGap(), 1e-15);
        assertEquals(0, Spectrum.exact(new double[] {-2, 2, 2, -2}).entropyGap(), 1e-15);
        assertEquals(Math.log(5), Spectrum.exact(new double[] {0, 0, 3, 0, 0}).entropyGap(), 1e-15);
        // p = (1/6, 2/6, 3/6): H = -sum p ln p
        double h = -(1 / 6.0 * Math.log(1 / 6.0) + 2 / 6.0 * Math.log(2 / 6.0) + 0.5 * Math.log(0.5));
        Spectrum s = Spectrum.exact(new double[] {3, -2, 1});
        assertEquals(h, s.entropy(), 1e-14);
        assertEquals(Math.log(3) - h, s.entropyGap(), 1e-14);
        assertEquals(2, s.trace(), 1e-15);
        assertEquals(6, s.absoluteSum(), 1e-15);
        assertEquals(14 / 3.0, s.moment(2), 1e-14);
        assertTrue(Double.isNaN(Spectrum.exact(new double[] {0, 0}).entropy()));
    }

    @Test
    void positivityTestIsRelativeToTheLargestEigenvalue() {
        assertTrue(Spectrum.exact(new double[] {-0.9e-3, 1}).isPositive(1e-3));
        assertFalse(Spectrum.exact(new double[] {-1.1e-3, 1}).isPositive(1e-3));
        assertTrue(Spectrum.exact(new double[] {0, 0}).isPositive(1e-3));
    }

    @Test
    void denseEigenDecompositionRecoversTheEigenvalues() {
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        double[][] a = KnownMatrices.withEigenvalues(eigenvalues, 3);
        assertArrayEquals(sorted, SymmetricEigen.of(a).values(), 1e-12);
        assertArrayEquals(sorted, SymmetricEigen.values(a), 1e-12);
    }

    @Test
    void lanczosWithNStepsIsExact() {
        double[] start = ProbeVectors.rademacher(N, new java.util.Random(1));
        Spectrum s = Lanczos.quadrature(a, start, N);
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, s.nodes(), 1e-9);
        // Gauss quadrature is exact for polynomials of degree < 2m: v^T A^k v / n with ||v||^2 = n.
        double[] av = a.apply(start);
        assertEquals(Vectors.dot(start, av) / N, s.moment(1), 1e-10);
        assertEquals(Vectors.dot(av, av) / N, s.moment(2), 1e-9);
    }

    @Test
    void lanczosStopsEarlyOnAnInvariantSubspace() {
        double[] e1 = new double[N];
        e1[0] = 1;
        assertEquals(1, Lanczos.run(new Dim(v -> v.clone(), N), e1, 10).alpha().length);
    }

    @Test
    void hutchinsonLiesWithinItsErrorBars() {
        TraceEstimate fixed = Hutchinson.withDefaults().tolerance(0).maxSamples(100).seed(7).estimate(a);
        assertEquals(100, fixed.samples());
        assertTrue(fixed.standardError() > 0);
        assertEquals(exactTrace(), fixed.value(), 3 * fixed.standardError(), fixed.toString());
        TraceEstimate defaults = Hutchinson.withDefaults().estimate(a);
        assertTrue(defaults.samples() >= 2 && defaults.samples() <= 100);
        assertEquals(exactTrace(), defaults.value(), 4 * defaults.standardError() + 1e-9, defaults.toString());
    }

    @Test
    void hutchinsonIsExactForDiagonalMatrices() {
        double[] d = {1, -2, 5, 0.5};
        SymmetricOperator diag = new Dim(v -> {
            double[] out = new double[4];
            for (int i = 0; i < 4; i++) {
                out[i] = d[i] * v[i];
            }
            return out;
        }, 4);
        TraceEstimate t = Hutchinson.withDefaults().estimate(diag);
        assertEquals(4.5, t.value(), 1e-14);
        assertEquals(0, t.standardError(), 1e-14);
    }

    @Test
    void powerIterationFindsTheTopEigenvaluesWithDeflation() {
        TopEigenpairs top = PowerIteration.withDefaults().tolerance(1e-12).maxIterations(2000).top(a, 3);
        assertArrayEquals(new double[] {45, 30, 20}, top.values(), 1e-8);
        for (int i = 0; i < 3; i++) {
            double[] av = a.apply(top.vectors().get(i));
            for (int j = 0; j < N; j++) {
                assertEquals(top.values()[i] * top.vectors().get(i)[j], av[j], 1e-4);
            }
        }
        TopEigenpairs defaults = PowerIteration.withDefaults().top(a, 1);
        assertEquals(45, defaults.values()[0], 45 * 1e-2);
    }

    @Test
    void powerIterationReportsResidualsThatBoundTheErrorAndConvergesOnThem() {
        // lambda_4 = 19 next to lambda_3 = 20: the vector converges by 0.95 per iteration, and
        // PyHessian's rule (lambda changes by < 1e-3) stopped with lambda_3 1.15% low
        double[] l = KnownMatrices.testEigenvalues(N);
        l[N - 4] = 19;
        SymmetricOperator close = SymmetricOperator.of(KnownMatrices.withEigenvalues(l, 3));
        double[] exact = {45, 30, 20};
        TopEigenpairs top = PowerIteration.withDefaults().seed(2).top(close, 3);
        for (int i = 0; i < 3; i++) {
            double value = top.values()[i];
            double[] v = top.vectors().get(i);
            double[] r = close.apply(v);
            Vectors.addScaled(r, -value, v);
            assertEquals(Vectors.norm(r), top.residuals()[i], 1e-12, "residual " + i);
            assertTrue(Math.abs(value - exact[i]) <= top.residuals()[i], top.toString());
            assertTrue(top.converged()[i], top.toString());
            assertEquals(exact[i], value, 1e-3 * exact[i], top.toString());
        }
        // stopped by the iteration limit: not converged, and the residual shows how far off it may be
        TopEigenpairs cut = PowerIteration.withDefaults().seed(2).maxIterations(5).top(close, 3);
        assertFalse(cut.allConverged(), cut.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(cut.converged()[i] || cut.residuals()[i] > 1e-3 * Math.abs(cut.values()[i]), cut.toString());
            assertTrue(Math.abs(cut.values()[i] - exact[i]) <= cut.residuals()[i], cut.toString());
        }
    }

    @Test
    void slqDensityIntegratesToOneAndMatchesTheMoments() {
        int runs = 30;
        Spectrum slq = StochasticLanczos.withDefaults().steps(20).runs(runs).seed(5).spectrum(a);
        Spectrum exact = Spectrum.exact(eigenvalues);
        assertEquals(N, slq.dimension());
        double[][] matrix = KnownMatrices.withEigenvalues(eigenvalues, 3);
        for (int k = 1; k <= 3; k++) {
            assertEquals(exact.moment(k), slq.moment(k), 4 * KnownMatrices.momentStandardError(matrix, k, runs),
                    "moment " + k);
        }
        assertEquals(exact.max(), slq.max(), 1e-8);
        assertEquals(exact.min(), slq.min(), 1e-6);
        assertEquals(exact.entropyGap(), slq.entropyGap(), 0.1 * exact.entropyGap());
        SpectralDensity density = SpectralDensity.of(slq);
        assertEquals(1, density.integral(), 1e-3);
        assertEquals(1000, density.table().rowCount());
        assertEquals(1, SpectralDensity.of(exact).integral(), 1e-3);
    }

    @Test
    void slqTopEigenvaluesAreTheLargestRitzValuesNotOneNodePerRun() {
        // default: 5 runs; each run's largest Ritz value is lambda_1, so the pooled nodes hold it 5 times
        Spectrum slq = StochasticLanczos.withDefaults().steps(20).spectrum(a);
        assertArrayEquals(new double[] {45, 30, 20}, slq.top(3), 1e-8);
        // few steps: the i-th largest Ritz value of any run is at most lambda_i (Cauchy interlacing)
        Spectrum short3 = StochasticLanczos.withDefaults().steps(3).spectrum(a);
        double[] top = short3.top(3);
        double[] exact = {45, 30, 20};
        for (int i = 0; i < 3; i++) {
            assertTrue(top[i] <= exact[i] + 1e-9, "Ritz value " + i + ": " + top[i]);
        }
        assertTrue(top[0] > top[1] && top[1] > top[2], Arrays.toString(top));
        assertArrayEquals(new double[] {45, 30, 20}, Spectrum.exact(eigenvalues).top(3), 0);
    }

    @Test
    void slqTraceCarriesTheStandardErrorOverItsRuns() {
        int runs = 30;
        long seed = 9;
        TraceEstimate trace = StochasticLanczos.withDefaults().steps(20).runs(runs).seed(seed).spectrum(a)
                .traceEstimate();
        // each run's quadrature trace is v^T A v for its Rademacher start vector: the same
        // samples as Hutchinson's, drawn here from the same generator
        java.util.Random random = new java.util.Random(seed);
        double[] q = new double[runs];
        for (int r = 0; r < runs; r++) {
            double[] v = ProbeVectors.rademacher(N, random);
            q[r] = Vectors.dot(v, a.apply(v));
        }
        double mean = Arrays.stream(q).average().orElseThrow();
        double variance = Arrays.stream(q).map(x -> (x - mean) * (x - mean)).sum() / (runs - 1);
        assertEquals(runs, trace.samples());
        assertEquals(mean, trace.value(), 1e-9);
        assertEquals(Math.sqrt(variance / runs), trace.standardError(), 1e-9);
        assertEquals(exactTrace(), trace.value(), 4 * trace.standardError(), trace.toString());
        assertTrue(Double.isNaN(StochasticLanczos.withDefaults().runs(1).spectrum(a).traceEstimate().standardError()));
        TraceEstimate exact = Spectrum.exact(eigenvalues).traceEstimate();
        assertEquals(exactTrace(), exact.value(), 1e-12);
        assertEquals(0, exact.standardError());
    }

    @Test
    void badInputsAreRejectedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> SymmetricOperator.of(new double[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("symmetric"));
        assertThrows(IllegalArgumentException.class, () -> a.apply(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Hutchinson.withDefaults().maxSamples(1));
        assertThrows(IllegalArgumentException.class, () -> PowerIteration.withDefaults().top(a, 0));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.quadrature(new double[] {1}, new double[] {0.5}, 3));
        assertThrows(IllegalArgumentException.class, () -> StochasticLanczos.withDefaults().runs(0));
        assertThrows(IllegalArgumentException.class, () -> Spectrum.pooled(java.util.List.of()));
        var mixed = assertThrows(IllegalArgumentException.class, () -> Spectrum.pooled(java.util.List.of(
                Spectrum.quadrature(new double[] {1}, new double[] {1}, 3), Spectrum.exact(new double[] {1, 2, 3}))));
        assertTrue(mixed.getMessage().contains("single quadrature rules of one 3x3 matrix"), mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spectrum.exact(eigenvalues).top(0));
    }

    /** An operator given by a function, for tests. */
    private record Dim(java.util.function.UnaryOperator<double[]> f, int dimension) implements SymmetricOperator {
        @Override
        public double[] apply(double[] v) {
            return f.apply(v);
        }
    }
}

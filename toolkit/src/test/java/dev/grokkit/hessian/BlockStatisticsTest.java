package dev.grokkit.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Losses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block statistics of the reference MLP against spectra of slices of its exact Hessian. */
class BlockStatisticsTest {

    private static final int[] BLOCK_SIZES = {30, 6, 24, 4, 12, 3};
    private final TorchReference reference = new TorchReference();
    private NDManager manager;
    private LossHessian hessian;

    @BeforeEach
    void setUp() {
        manager = Grokkit.engine().newBaseManager();
        GrokModel model = reference.model(manager);
        hessian = LossHessian.of(model, Losses.crossEntropy(), reference.inputs(manager), reference.labels(manager));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** Exact spectra of the diagonal blocks of the full dense Hessian. */
    private List<Spectrum> sliceSpectra() {
        DenseHessian full = DenseHessian.of(hessian);
        Spectrum[] out = new Spectrum[BLOCK_SIZES.length];
        int at = 0;
        for (int b = 0; b < BLOCK_SIZES.length; b++) {
            out[b] = full.block(at, at + BLOCK_SIZES[b]).spectrum();
            at += BLOCK_SIZES[b];
        }
        return List.of(out);
    }

    @Test
    void exactBlockStatisticsMatchTheSlicesOfTheExactHessian() {
        BlockReport report = BlockStatistics.withDefaults().compute(hessian);
        List<Spectrum> slices = sliceSpectra();
        double[] entropies = new double[slices.size()];
        int positive = 0;
        double sumAbs = 0;
        double gaps = 0;
        double[] blockGaps = new double[slices.size()];
        for (int b = 0; b < slices.size(); b++) {
            BlockSpectrum block = report.blocks().get(b);
            assertTrue(block.spectrum().isExact());
            assertEquals(BLOCK_SIZES[b], block.size());
            assertArrayEquals(slices.get(b).nodes(), block.spectrum().nodes(), 1e-12);
            entropies[b] = slices.get(b).entropy();
            Spectrum s = slices.get(b);
            positive += s.min() >= -1e-3 * Math.max(Math.abs(s.min()), Math.abs(s.max())) ? 1 : 0;
            sumAbs += Math.abs(s.trace());
            blockGaps[b] = Math.log(BLOCK_SIZES[b]) - entropies[b];
            gaps += blockGaps[b];
        }
        assertEquals(sumAbs, report.sumAbsoluteTraces(), 1e-12);
        double[] torchTraces = reference.get("cross_entropy:block_traces");
        assertEquals(Arrays.stream(torchTraces).map(Math::abs).sum(), report.sumAbsoluteTraces(), 1e-12);
        assertEquals(reference.get("cross_entropy:trace")[0], report.trace(), 1e-12);
        assertEquals(positive / 6.0, report.positiveFraction(), 0);
        assertEquals(gaps / 6, report.meanEntropyGap(), 1e-12);
        double mean = Arrays.stream(entropies).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(entropies).map(h -> (h - mean) * (h - mean)).sum() / 6);
        assertEquals(std, report.entropyStd(), 1e-12);
        assertEquals(std / mean, report.entropyCoefficientOfVariation(), 1e-12);
        double meanGap = gaps / 6;
        double gapStd = Math.sqrt(Arrays.stream(blockGaps).map(g -> (g - meanGap) * (g - meanGap)).sum() / 6);
        assertEquals(gapStd, report.entropyGapStd(), 1e-12);
        Spectrum torch = Spectrum.exact(reference.get("cross_entropy:eigenvalues"));
        assertEquals(torch.entropyGap(), report.modelEntropyGap(), 1e-10);
        double js = report.meanJensenShannonDistance();
        assertTrue(js > 0 && js <= Math.sqrt(Math.log(2)), "JS distance " + js);
        assertEquals(6, report.table().rowCount());
    }

    @Test
    void flatBlocksOfDifferentSizesDifferInEntropyButNotInGap() {
        // flat spectra of sizes 4 and 16: entropies ln 4 and ln 16 (population std ln 2), gaps both 0
        double[] sixteen = new double[16];
        Arrays.fill(sixteen, 2);
        BlockReport report = new BlockReport(List.of(
                new BlockSpectrum("a", 4, Spectrum.exact(new double[] {1, 1, 1, 1}), true),
                new BlockSpectrum("b", 16, Spectrum.exact(sixteen), true)), Spectrum.exact(new double[] {1, 2}));
        assertEquals(Math.log(2), report.entropyStd(), 1e-12);
        assertEquals(0, report.entropyGapStd(), 1e-12);
        assertEquals(Math.log(2), report.statistics().get("block entropy std"), 1e-12);
        assertEquals(0, report.statistics().get("block entropy gap std"), 1e-12);
        assertEquals(36, report.statistics().get("sum |block trace|"), 1e-12);
    }

    @Test
    void largeBlocksFallBackToLanczosWithExactExtremes() {
        int runs = 10;
        BlockReport report = BlockStatistics.withDefaults().exactLimit(10)
                .lanczos(StochasticLanczos.withDefaults().runs(runs)).compute(hessian);
        List<Spectrum> slices = sliceSpectra();
        DenseHessian full = DenseHessian.of(hessian);
        int at = 0;
        for (int b = 0; b < slices.size(); b++) {
            BlockSpectrum block = report.blocks().get(b);
            assertEquals(BLOCK_SIZES[b] <= 10, block.spectrum().isExact(), block.name());
            // Lanczos with steps >= size finds every eigenvalue: extremes exact, trace within SLQ error
            assertEquals(slices.get(b).min(), block.spectrum().min(), 1e-9);
            assertEquals(slices.get(b).max(), block.spectrum().max(), 1e-9);
            double se = KnownMatrices.momentStandardError(full.block(at, at + BLOCK_SIZES[b]).matrix(), 1, runs);
            assertEquals(slices.get(b).trace(), block.trace(), 4 * se * BLOCK_SIZES[b] + 1e-9, block.name());
            at += BLOCK_SIZES[b];
        }
        assertFalse(report.modelSpectrum().isExact());
    }

    @Test
    void jensenShannonDistanceIsZeroForEqualAndMaximalForDisjointSpectra() {
        Spectrum a = Spectrum.exact(new double[] {1, 2, 3});
        Spectrum far = Spectrum.exact(new double[] {100, 101});
        BlockReport same = new BlockReport(List.of(new BlockSpectrum("a", 3, a, true),
                new BlockSpectrum("b", 3, a, true)), a);
        assertEquals(0, same.meanJensenShannonDistance(), 1e-12);
        BlockReport disjoint = new BlockReport(List.of(new BlockSpectrum("a", 3, a, true),
                new BlockSpectrum("b", 2, far, true)), a);
        assertEquals(Math.sqrt(Math.log(2)), disjoint.meanJensenShannonDistance(), 1e-9);
        assertEquals(0, BlockReport.jensenShannon(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 0);
        assertTrue(Double.isNaN(new BlockReport(List.of(new BlockSpectrum("a", 3, a, true)), a)
                .meanJensenShannonDistance()));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> BlockStatistics.withDefaults().exactLimit(-1));
        assertThrows(IllegalArgumentException.class, () -> BlockStatistics.withDefaults().positiveTolerance(-1));
    }

    /** An operator that counts its products. */
    private static final class Counting implements SymmetricOperator {
        private final SymmetricOperator operator;
        private int products;

        Counting(double[][] matrix) {
            this.operator = SymmetricOperator.of(matrix);
        }

        @Override
        public int dimension() {
            return operator.dimension();
        }

        @Override
        public double[] apply(double[] v) {
            products++;
            return operator.apply(v);
        }
    }

    /**
     * Three blocks with known eigenvalues, coupled off the diagonal: a whole operator small enough
     * for a dense Hessian is built once (n products) and sliced, and gives the blocks' known
     * spectra, as the block-by-block path does.
     */
    @Test
    void aSmallHessianIsBuiltOnceAndSlicedIntoItsKnownBlocks() {
        double[][] eigenvalues = {{1, 2, 3, 4, 5}, {-1, 0.5, 2, 7}, {10, 10, 10}};
        int n = 12;
        double[][] whole = new double[n][n];
        Map<String, Counting> blocks = new LinkedHashMap<>();
        int at = 0;
        for (int b = 0; b < eigenvalues.length; b++) {
            double[][] m = KnownMatrices.withEigenvalues(eigenvalues[b], b);
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, whole[at + i], at, m.length);
            }
            blocks.put("block" + b, new Counting(m));
            at += m.length;
        }
        for (int i = 0; i < n; i++) { // coupling between blocks: the whole spectrum is not the union
            for (int j = 0; j < n; j++) {
                if (whole[i][j] == 0 && i != j) {
                    whole[i][j] = 0.3 / (1 + Math.min(i, j)) + 0.1 * Math.max(i, j) / n;
                }
            }
        }
        Counting wholeOperator = new Counting(whole);
        BlockReport sliced = BlockStatistics.withDefaults().compute(wholeOperator, blocks);
        assertEquals(n, wholeOperator.products);
        blocks.values().forEach(b -> assertEquals(0, b.products));
        BlockReport byBlock = BlockStatistics.withDefaults().exactLimit(5)
                .lanczos(StochasticLanczos.withDefaults().runs(2)).compute(SymmetricOperator.of(whole), blocks);
        assertTrue(sliced.modelSpectrum().isExact());
        assertFalse(byBlock.modelSpectrum().isExact());
        assertArrayEquals(DenseHessian.of(SymmetricOperator.of(whole)).spectrum().nodes(),
                sliced.modelSpectrum().nodes(), 1e-12);
        for (int b = 0; b < eigenvalues.length; b++) {
            double[] known = eigenvalues[b].clone();
            Arrays.sort(known);
            double[] nodes = sliced.blocks().get(b).spectrum().nodes();
            Arrays.sort(nodes);
            assertArrayEquals(known, nodes, 1e-12);
            assertEquals(eigenvalues[b].length, sliced.blocks().get(b).size());
            assertEquals("block" + b, sliced.blocks().get(b).name());
        }
        assertEquals(2 / 3.0, sliced.positiveFraction(), 0); // the second block has -1
        assertEquals(15 + 8.5 + 30, sliced.sumAbsoluteTraces(), 1e-12);
        assertEquals(byBlock.sumAbsoluteTraces(), sliced.sumAbsoluteTraces(), 1e-12);
        assertEquals(byBlock.positiveFraction(), sliced.positiveFraction(), 0);
        assertEquals(byBlock.meanEntropyGap(), sliced.meanEntropyGap(), 1e-12);
        assertEquals(byBlock.entropyStd(), sliced.entropyStd(), 1e-12);
        assertEquals(byBlock.meanJensenShannonDistance(), sliced.meanJensenShannonDistance(), 1e-12);
        var e = assertThrows(IllegalArgumentException.class, () -> BlockStatistics.withDefaults()
                .compute(SymmetricOperator.of(whole), Map.of("block0", blocks.get("block0"))));
        assertTrue(e.getMessage().contains("5 of the operator's 12"), e.getMessage());
    }

    /** On the reference MLP's Hessian the sliced dense path gives the block-by-block exact spectra. */
    @Test
    void slicedDenseHessianEqualsTheBlockByBlockSpectra() {
        BlockReport sliced = BlockStatistics.withDefaults().compute(hessian);
        BlockReport byBlock = BlockStatistics.withDefaults().exactLimit(30).compute(hessian);
        assertTrue(sliced.modelSpectrum().isExact());
        for (int b = 0; b < BLOCK_SIZES.length; b++) {
            assertTrue(byBlock.blocks().get(b).spectrum().isExact());
            assertArrayEquals(byBlock.blocks().get(b).spectrum().nodes(), sliced.blocks().get(b).spectrum().nodes(),
                    1e-12, sliced.blocks().get(b).name());
        }
        assertEquals(byBlock.sumAbsoluteTraces(), sliced.sumAbsoluteTraces(), 1e-12);
        assertEquals(byBlock.meanEntropyGap(), sliced.meanEntropyGap(), 1e-12);
        assertEquals(byBlock.entropyStd(), sliced.entropyStd(), 1e-12);
    }
}

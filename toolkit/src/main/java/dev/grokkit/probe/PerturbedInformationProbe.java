package dev.grokkit.probe;

import ai.djl.ndarray.NDArray;
import dev.grokkit.info.Features;
import dev.grokkit.info.MatrixEntropy;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The robustness paper's perturbation indices (Definitions 4.1-4.4) on the training data: with
 * the input layer's activations perturbed by Gaussian noise N(0, sigma^2 I) (for token models,
 * perturb the embedding layer), R_in the linear kernel of the (perturbed) input-layer features and
 * R_out that of the output layer's,
 *
 * <pre>
 *   PMI(sigma) = I_alpha(R_in; R_out)    PE(sigma) = H_alpha(R_out)
 *   MID = |PMI(sigma) - PMI(0)|          ED = |PE(sigma) - PE(0)|
 * </pre>
 *
 * Columns "pmi:IN:OUT:SIGMA", "pe:IN:OUT:SIGMA", "mid:IN:OUT:SIGMA", "ed:IN:OUT:SIGMA" (IN and OUT the
 * layer names, so probes of several layer pairs can share a history). Defaults: alpha = 1 (the paper's
 * choice), at most 1000 training examples (a fixed random subset: the joint kernel is n x n), noise
 * seed 0. The noise is drawn from its own generator, so probing never changes training's
 * randomness; at each step it is seeded by (seed, step).
 */
public final class PerturbedInformationProbe implements Probe {

    private final String inputLayer;
    private final String outputLayer;
    private final double sigma;
    private final double alpha;
    private final int maxExamples;
    private final long seed;

    PerturbedInformationProbe(String inputLayer, String outputLayer, double sigma, double alpha, int maxExamples,
            long seed) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma: the noise level must be finite and >= 0, was " + sigma);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha: the Renyi order must be positive and finite, was " + alpha);
        }
        ExampleSubset.checkMax(maxExamples);
        this.inputLayer = inputLayer;
        this.outputLayer = outputLayer;
        this.sigma = sigma;
        this.alpha = alpha;
        this.maxExamples = maxExamples;
        this.seed = seed;
    }

    /** The same probe with Renyi order alpha. */
    public PerturbedInformationProbe alpha(double order) {
        return new PerturbedInformationProbe(inputLayer, outputLayer, sigma, order, maxExamples, seed);
    }

    /** The same probe on at most n training examples. */
    public PerturbedInformationProbe maxExamples(int n) {
        return new PerturbedInformationProbe(inputLayer, outputLayer, sigma, alpha, n, seed);
    }

    /** The same probe with another noise (and subset) seed. */
    public PerturbedInformationProbe seed(long noiseSeed) {
        return new PerturbedInformationProbe(inputLayer, outputLayer, sigma, alpha, maxExamples, noiseSeed);
    }

    @Override
    public String name() {
        return "perturbed_information";
    }

    /** The PMI column, "pmi:IN:OUT:SIGMA". */
    public String pmi() {
        return column("pmi");
    }

    /** The PE column. */
    public String pe() {
        return column("pe");
    }

    /** The MID column. */
    public String mid() {
        return column("mid");
    }

    /** The ED column. */
    public String ed() {
        return column("ed");
    }

    private String column(String index) {
        return index + ":" + inputLayer + ":" + outputLayer + ":" + sigma;
    }

    @Override
    public List<String> columns() {
        return List.of(pmi(), pe(), mid(), ed());
    }

    @Override
    public Set<ProbeContext.Split> readsActivations() {
        return Set.of(ProbeContext.Split.TRAIN);
    }

    @Override
    public double[] measure(ProbeContext context) {
        TapForward.checkTap(context.model(), "inputLayer", inputLayer);
        TapForward.checkTap(context.model(), "outputLayer", outputLayer);
        Map<String, NDArray> taps = context.activations(ProbeContext.Split.TRAIN);
        NDArray in = taps.get(inputLayer);
        if (!in.getDataType().isFloating()) {
            throw new IllegalArgumentException("inputLayer: '" + inputLayer + "' holds " + in.getDataType()
                    + " tokens, which cannot be perturbed; use the embedding layer");
        }
        long[] subset = ExampleSubset.indices(in.getShape().get(0), maxExamples, seed);
        in = ExampleSubset.rows(in, subset);
        double[][] cleanIn = Features.rows(in);
        double[][] cleanOut = Features.rows(ExampleSubset.rows(taps.get(outputLayer), subset));
        double pmi0 = MatrixEntropy.linearKernelMutualInformation(cleanIn, cleanOut, alpha);
        double pe0 = MatrixEntropy.linearKernelEntropy(cleanOut, alpha);

        NDArray noisy = in.add(noise(in, context.step()));
        double[][] noisyIn = Features.rows(noisy);
        double[][] noisyOut = Features.rows(TapForward.run(context.model(), inputLayer, noisy, outputLayer));
        double pmi = MatrixEntropy.linearKernelMutualInformation(noisyIn, noisyOut, alpha);
        double pe = MatrixEntropy.linearKernelEntropy(noisyOut, alpha);
        return new double[] {pmi, pe, Math.abs(pmi - pmi0), Math.abs(pe - pe0)};
    }

    private NDArray noise(NDArray like, long step) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        double[] values = new double[(int) like.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sigma * nextGaussian(r);
        }
        return like.getManager().create(values, like.getShape()).toType(like.getDataType(), false);
    }

    /* Box-Muller; SplittableRandom has no nextGaussian in Java 17. */
    private static double nextGaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}

package dev.grokkit.probe;

import dev.grokkit.data.ModularArithmetic;
import java.util.List;

/**
 * Every probe, in one place (as {@code Models}, {@code Optimizers} and {@code Losses}): the basic
 * ones, the Hessian probes (each measures on a fixed batch of training examples at chosen
 * fractions of training, by default .at(0, 0.01, 0.25, 0.5, 0.75, 1.0); include its
 * {@code steps(total)} in the run's log schedule) and the information-theoretic ones (package
 * dev.grokkit.info).
 *
 * <pre>{@code
 * var task = ModularArithmetic.builder().modulus(59).form(Form.PAIRS).task();
 * Experiment.builder()...
 *     .probes(Probes.weightNorm(), Probes.perturbedInformation("embedding", "logits", 0.5),
 *             Probes.abelianTest(task), Probes.groupLaws(task))
 * }</pre>
 */
public final class Probes {

    private Probes() {}

    /** Global L2 norm of all trainable parameters ("weight_norm"). */
    public static WeightNormProbe weightNorm() {
        return new WeightNormProbe(List.of());
    }

    /** Global L2 norm and the norm of each named layer ("weight_norm:LAYER"). */
    public static WeightNormProbe weightNorm(String... layers) {
        return new WeightNormProbe(List.of(layers));
    }

    /** Norm of the full-batch training-loss gradient ("grad_norm"). */
    public static GradientNormProbe gradientNorm() {
        return new GradientNormProbe();
    }

    /** Fraction of never-active units in each named hidden layer ("dead_relu:LAYER"). */
    public static DeadReluProbe deadRelu(String... layers) {
        return new DeadReluProbe(List.of(layers));
    }

    /** Logit norm, spread, margin and confidence on the training set. */
    public static LogitStatsProbe logitStats() {
        return new LogitStatsProbe();
    }

    /** ||w_t - w_0|| and ||w_t - w_mem||, memorization at train accuracy 0.99; one per run. */
    public static ParameterDistanceProbe parameterDistance() {
        return new ParameterDistanceProbe(0.99);
    }

    /** The same with memorization at train accuracy {@code threshold}, in (0, 1]. */
    public static ParameterDistanceProbe parameterDistance(double threshold) {
        return new ParameterDistanceProbe(threshold);
    }

    /** Top Hessian eigenvalue(s) and Hutchinson trace with standard error. */
    public static SharpnessProbe sharpness() {
        return new SharpnessProbe();
    }

    /** Block traces, positivity, entropy gaps, entropy deviation and block heterogeneity. */
    public static BlockStatisticsProbe blockStatistics() {
        return new BlockStatisticsProbe();
    }

    /**
     * PMI, PE, MID and ED at noise level sigma between two layers ("input" or the model's stage
     * names, e.g. "embedding" and "logits"), on the training data.
     */
    public static PerturbedInformationProbe perturbedInformation(String inputLayer, String outputLayer, double sigma) {
        return new PerturbedInformationProbe(inputLayer, outputLayer, sigma, 1, 1000, 0);
    }

    /**
     * Theorem 3.2 of the robustness paper along training, the layer's activations taken as the
     * inputs (for token models "embedding"): sharpness, norms, nearest-neighbour distances, the
     * radius eps(W) and the test accuracy it guarantees; a Hessian probe.
     */
    public static RobustnessBoundProbe robustnessBound(String layer) {
        return new RobustnessBoundProbe(layer);
    }

    /** Fraction of pairs with argmax f(a, b) = argmax f(b, a), and the logit distance between them. */
    public static AbelianTestProbe abelianTest(ModularArithmetic task) {
        return new AbelianTestProbe(task);
    }

    /** Zero identity and doubling losses and associativity accuracy, for x+y mod p. */
    public static GroupLawProbe groupLaws(ModularArithmetic task) {
        return new GroupLawProbe(task);
    }

    /** I(X; T_l) and I(T_l; Y) for each named layer, on train and test subsets, after whitened PCA to 4 dims. */
    public static InformationPlaneProbe informationPlane(String... layers) {
        return new InformationPlaneProbe(List.of(layers), 4, 1000, 0);
    }

    /** Matrix entropy of a layer's linear kernel and of its covariance (alpha = 1). */
    public static LayerEntropyProbe layerEntropy(String layer) {
        return new LayerEntropyProbe(layer, 1);
    }
}

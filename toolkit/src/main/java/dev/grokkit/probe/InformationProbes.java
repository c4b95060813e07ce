package dev.grokkit.probe;

import dev.grokkit.data.ModularArithmetic;
import java.util.List;

/**
 * Entry points for the information-theoretic probes (package dev.grokkit.info): the robustness
 * paper's perturbation indices, abelian and group-law tests, and the information plane.
 *
 * <pre>{@code
 * var task = ModularArithmetic.builder().modulus(59).form(Form.PAIRS).task();
 * Experiment.builder()...
 *     .probes(InformationProbes.perturbedInformation("embedding", "logits", 0.5),
 *             InformationProbes.abelianTest(task), InformationProbes.groupLaws(task))
 * }</pre>
 */
public final class InformationProbes {

    private InformationProbes() {}

    /**
     * PMI, PE, MID and ED at noise level sigma between two layers ("input" or the model's stage
     * names, e.g. "embedding" and "logits"), on the training data.
     */
    public static PerturbedInformationProbe perturbedInformation(String inputLayer, String outputLayer, double sigma) {
        return new PerturbedInformationProbe(inputLayer, outputLayer, sigma, 1, 1000, 0);
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

package dev.grokkit.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import dev.grokkit.data.Examples;
import java.util.Arrays;

/**
 * A multilayer perceptron on real-valued inputs (flattened if they are images): stages
 * "hidden1".."hiddenK" (after the nonlinearity) and "logits". Omnigrok's MNIST model is
 * {@code Models.mlp().hidden(200, 200).initScale(8)}.
 */
public final class MlpSpec extends AbstractModelSpec<MlpSpec> {

    private int[] hidden = {200, 200};
    private Nonlinearity activation = Nonlinearity.RELU;
    private boolean bias = true;

    /** Hidden layer widths, input to output; the input and output widths come from the data. */
    public MlpSpec hidden(int... widths) {
        this.hidden = positiveWidths("hidden widths", widths);
        return this;
    }

    public MlpSpec activation(Nonlinearity activation) {
        this.activation = activation;
        return this;
    }

    public MlpSpec bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    @Override
    protected MlpSpec self() {
        return this;
    }

    @Override
    protected StagedBlock createBlock(Examples sample) {
        if (sample.isTokens()) {
            throw new IllegalArgumentException(
                    "an MLP needs real-valued inputs; for tokens use Models.embeddingMlp()");
        }
        StagedBlock block = new StagedBlock();
        if (sample.exampleShape().dimension() > 1) {
            block.add("flatten", LambdaBlock.singleton(x -> x.reshape(new Shape(x.getShape().get(0), -1))));
        }
        for (int i = 0; i < hidden.length; i++) {
            block.add("hidden" + (i + 1), new DenseLayer(hidden[i], bias, activation));
        }
        return block.add("logits", new DenseLayer(sample.numClasses(), bias, Nonlinearity.IDENTITY));
    }

    @Override
    public String describe() {
        return "MLP hidden " + Arrays.toString(hidden) + ", " + activation + (bias ? "" : ", no bias")
                + scaleSuffix();
    }
}

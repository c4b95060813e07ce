package dev.grokkit.model;

import ai.djl.nn.LambdaBlock;
import dev.grokkit.data.Examples;
import java.util.Arrays;

/**
 * A small CIFAR-style ResNet (He et al. 2016, section 4.2): a 3x3 stem convolution with
 * BatchNorm and ReLU ("stem"), then one stage per width ("stage1", ...) of basic blocks
 * ("block0", ...), the first block of every stage after the first halving the resolution with
 * stride 2 and a 1x1 projection shortcut, then global average pooling ("pool") and a linear
 * "logits". Defaults: widths 16, 32, 64 and one block per stage. The input channels and image
 * size come from the data (e.g. 1x28x28, 1x8x8, 3x32x32).
 */
public final class ResNetSpec extends ImageModelSpec<ResNetSpec> {

    private int[] widths = {16, 32, 64};
    private int blocksPerStage = 1;

    /** The channel width of each stage; the stem has the first stage's width. */
    public ResNetSpec widths(int... widths) {
        if (widths.length == 0 || Arrays.stream(widths).anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("widths must be one or more positive numbers, got "
                    + Arrays.toString(widths));
        }
        this.widths = widths.clone();
        return this;
    }

    public ResNetSpec blocksPerStage(int blocks) {
        this.blocksPerStage = positive("blocksPerStage", blocks);
        return this;
    }

    @Override
    protected ResNetSpec self() {
        return this;
    }

    @Override
    protected StagedBlock createBlock(Examples sample) {
        ImageShape image = imageShape(sample);
        StagedBlock block = imageInput(sample, image).add("stem", new ConvBn(widths[0], 3, 1, true));
        int in = widths[0];
        for (int s = 0; s < widths.length; s++) {
            StagedBlock stage = new StagedBlock();
            for (int b = 0; b < blocksPerStage; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                stage.add("block" + b, new BasicBlock(in, widths[s], stride));
                in = widths[s];
            }
            block.add("stage" + (s + 1), stage);
        }
        // global average pooling: (n, C, H, W) -> (n, C), the mean over H and W
        block.add("pool", LambdaBlock.singleton(
                x -> x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2})));
        return block.add("logits", new DenseLayer(sample.numClasses(), true, Nonlinearity.IDENTITY));
    }

    @Override
    public String describe() {
        return "ResNet widths " + Arrays.toString(widths) + ", " + blocksPerStage + " block"
                + (blocksPerStage == 1 ? "" : "s") + " per stage" + scaleSuffix();
    }
}

package dev.grokkit.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import dev.grokkit.data.Examples;

/**
 * What the image models (ResNet, ViT) share: finding the (C, H, W) of the data's images. Images
 * given as (C, H, W) are used as they are; flattened (D) or (H, W) inputs are viewed as images by
 * a first stage "image", with the shape from {@link #imageShape(int, int, int)} or, if none was
 * given, one channel of H x W (a square sqrt(D) x sqrt(D) for flat inputs).
 */
public abstract class ImageModelSpec<T extends ImageModelSpec<T>> extends AbstractModelSpec<T> {

    private ImageShape declared;

    /** How to view the inputs as images; needed only for flat inputs that are not 1-channel squares. */
    public T imageShape(int channels, int height, int width) {
        this.declared = new ImageShape(channels, height, width);
        return self();
    }

    /** The shape of the images the model sees for inputs like {@code sample}. */
    protected ImageShape imageShape(Examples sample) {
        if (sample.isTokens()) {
            throw new IllegalArgumentException(
                    describe() + " needs image inputs, got tokens; for tokens use Models.transformer()");
        }
        Shape in = sample.exampleShape();
        ImageShape image = declared != null ? declared : inferred(in);
        if (image.size() != in.size() || (in.dimension() == 3 && !image.toShape().equals(in))) {
            throw new IllegalArgumentException(
                    "imageShape " + image + " does not match the inputs' example shape " + in);
        }
        return image;
    }

    private static ImageShape inferred(Shape in) {
        if (in.dimension() == 3) {
            return new ImageShape((int) in.get(0), (int) in.get(1), (int) in.get(2));
        }
        if (in.dimension() == 2) {
            return new ImageShape(1, (int) in.get(0), (int) in.get(1));
        }
        long side = Math.round(Math.sqrt(in.get(0)));
        if (in.dimension() == 1 && side * side == in.get(0)) {
            return new ImageShape(1, (int) side, (int) side);
        }
        throw new IllegalArgumentException(
                "inputs of example shape " + in + " are not (C, H, W) images; say how to view them with"
                        + " imageShape(channels, height, width)");
    }

    /** An empty model, or one whose first stage "image" reshapes the inputs to (n, C, H, W). */
    protected StagedBlock imageInput(Examples sample, ImageShape image) {
        StagedBlock block = new StagedBlock();
        if (sample.exampleShape().dimension() != 3) {
            Shape target = image.toShape();
            block.add("image", LambdaBlock.singleton(x -> x.reshape(new Shape(x.getShape().get(0)).addAll(target))));
        }
        return block;
    }
}

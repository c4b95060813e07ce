package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The ViT's input stream from images (n, C, H, W): the image is cut into P = (H/p)(W/p)
 * non-overlapping p x p patches in row-major order, each flattened (channel, row, column) and
 * mapped linearly by "proj" to d (the same map as a p x p convolution with stride p); the class
 * token "cls" is prepended and the learned "positions" added:
 *
 * <pre>
 *   z = [cls; proj(patch_1); ...; proj(patch_P)] + positions        shape (n, 1 + P, d)
 * </pre>
 *
 * Initialization as torchvision's ViT: cls = 0, positions ~ N(0, 0.02^2), proj PyTorch default.
 */
public final class PatchEmbedding extends AbstractBlock {

    private final int patchSize;
    private final int dim;
    private final DenseLayer proj;
    private final Parameter cls;
    private final Parameter positions;

    public PatchEmbedding(int patchSize, int dim) {
        if (patchSize <= 0 || dim <= 0) {
            throw new IllegalArgumentException(
                    "patch embedding needs a positive patch size and width, got " + patchSize + ", " + dim);
        }
        this.patchSize = patchSize;
        this.dim = dim;
        proj = addChildBlock("proj", new DenseLayer(dim, true, Nonlinearity.IDENTITY));
        cls = addParameter(Parameter.builder().setName("cls").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(dim)).optInitializer(Initializer.ZEROS).build());
        positions = addParameter(Parameter.builder().setName("positions").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        Shape in = inputShapes[0];
        if (in.dimension() != 4) {
            throw new IllegalArgumentException("patch embedding needs images (n, C, H, W), got " + in);
        }
        if (in.get(2) % patchSize != 0 || in.get(3) % patchSize != 0) {
            throw new IllegalArgumentException(
                    "patchSize " + patchSize + " must divide the image height and width, got images "
                            + in.get(2) + " x " + in.get(3));
        }
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        positions.setShape(new Shape(1 + patchCount(inputShapes[0]), dim));
    }

    private long patchCount(Shape image) {
        return (image.get(2) / patchSize) * (image.get(3) / patchSize);
    }

    /** (n, C, H, W) to (n, P, C p p). */
    private Shape flatPatches(Shape image) {
        return new Shape(image.get(0), patchCount(image), image.get(1) * patchSize * patchSize);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        long n = s.get(0);
        NDArray patches = x.reshape(n, s.get(1), s.get(2) / patchSize, patchSize, s.get(3) / patchSize, patchSize)
                .transpose(0, 2, 4, 1, 3, 5)
                .reshape(flatPatches(s));
        NDArray embedded = proj.forward(store, new NDList(patches), training).singletonOrThrow();
        NDArray token = store.getValue(cls, x.getDevice(), training).reshape(1, 1, dim).broadcast(n, 1, dim);
        NDArray position = store.getValue(positions, x.getDevice(), training);
        return new NDList(token.concat(embedded, 1).add(position));
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        proj.initialize(manager, dataType, flatPatches(inputShapes[0]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1 + patchCount(inputShapes[0]), dim)};
    }

    @Override
    public String toString() {
        return "PatchEmbedding(" + patchSize + "x" + patchSize + " -> " + dim + ")";
    }
}

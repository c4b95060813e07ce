package dev.grokkit.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Autograd;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.NamedParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The Hessian H = d^2 L / dw^2 of a model's loss on one fixed batch, over all trainable
 * parameters (flattened in {@link GrokModel#trainableParameters()} order) or restricted to one
 * diagonal block (one parameter tensor), as a {@link SymmetricOperator}.
 *
 * <p>Hessian-vector products by double backward (Pearlmutter's trick through libtorch): a first
 * backward with create_graph gives g = dL/dw as a differentiable function of w; a second
 * backward of g . v gives d(g . v)/dw = H v. As PyHessian does, g and its graph are built once
 * per parameter state and kept between products ({@link RetainedGradient}): the first product
 * at new parameters costs a forward pass, a create_graph backward and the product; each further
 * one (Lanczos, power iteration, Hutchinson, DenseHessian take many) only the second backward.
 * A product after any change of the parameters (an optimizer step, setParameters, load) or of
 * the batch builds g anew, so a product is never stale. The price is memory: while open, after
 * its first product, the Hessian holds the graph, i.e. the batch's forward activations and the
 * first backward's intermediates (what one product used to hold only while it ran) and a copy
 * of g: measured 5 MB for 1000 examples on a 784-200-200-10 MLP in float32, about six tensors of
 * batch x width. The model is evaluated in inference mode (as probes
 * see it: BatchNorm uses running statistics). Parameter gradients are reset after every
 * product (detached and zeroed, see GraphGradients), so the model's state is left as a zero
 * gradient. The precision is the model's: use FLOAT64 models for exact comparisons.
 *
 * <pre>{@code
 * try (var hessian = LossHessian.of(run.model(), Losses.crossEntropy(), data.train().first(300))) {
 *     Spectrum exact = DenseHessian.of(hessian).spectrum();
 * }
 * }</pre>
 *
 * Close a Hessian when done: {@link #close} frees the kept graph, and for a Hessian made from
 * {@link Examples} also their native arrays; one made from arrays leaves those to the caller.
 * Its blocks share its graph and their close frees nothing. An unclosed Hessian's graph and
 * arrays live in a sub-manager of the model's manager and are freed with the model.
 */
public final class LossHessian implements SymmetricOperator, AutoCloseable {

    private final GrokModel model;
    private final Loss loss;
    private final NDArray inputs;
    private final NDArray labels;
    private final List<NamedParameter> active;
    private final int dimension;
    /** The manager of the inputs and labels when this Hessian made them, else null. */
    private final NDManager owned;
    /** g = dL/dw with its graph, kept between products; shared with the blocks. */
    private final RetainedGradient gradient;
    /** Whether this is a block, which shares the graph of the Hessian it came from and frees nothing. */
    private final boolean block;

    private LossHessian(GrokModel model, Loss loss, NDArray inputs, NDArray labels, List<NamedParameter> active,
            NDManager owned, RetainedGradient gradient, boolean block) {
        this.owned = owned;
        this.gradient = gradient;
        this.block = block;
        this.model = model;
        this.loss = loss;
        this.inputs = inputs;
        this.labels = labels;
        this.active = active;
        long n = active.stream().mapToLong(NamedParameter::size).sum();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the Hessian's dimension " + n + " exceeds a Java array's");
        }
        this.dimension = (int) n;
    }

    /** The Hessian over every trainable parameter of the loss on (inputs, labels); the arrays stay the caller's. */
    public static LossHessian of(GrokModel model, Loss loss, NDArray inputs, NDArray labels) {
        return of(model, loss, inputs, labels, null);
    }

    /**
     * The Hessian of the loss on these examples (e.g. {@code data.train().first(300)}), in the
     * model's precision; it owns their arrays until {@link #close}.
     */
    public static LossHessian of(GrokModel model, Loss loss, Examples examples) {
        NDManager manager = model.manager().newSubManager();
        try {
            return of(model, loss, examples.inputs(manager, model.dtype()), examples.labelArray(manager), manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static LossHessian of(GrokModel model, Loss loss, NDArray inputs, NDArray labels, NDManager owned) {
        if (inputs.getShape().get(0) != labels.getShape().get(0)) {
            throw new IllegalArgumentException("inputs and labels must have the same number of examples, had "
                    + inputs.getShape().get(0) + " and " + labels.getShape().get(0));
        }
        List<NamedParameter> params = model.trainableParameters();
        if (params.isEmpty()) {
            throw new IllegalArgumentException("model has no trainable parameters: " + model);
        }
        return new LossHessian(model, loss, inputs, labels, params, owned,
                new RetainedGradient(model, loss, inputs, labels), false);
    }

    /**
     * Frees the kept graph, and the examples' arrays if this Hessian made them
     * ({@link #of(GrokModel, Loss, Examples)}); products are refused afterwards, also by its blocks.
     */
    @Override
    public void close() {
        if (block) {
            return;
        }
        gradient.close();
        if (owned != null) {
            owned.close();
        }
    }

    /**
     * The diagonal block of one parameter tensor: d^2 L / dw_b^2, on this Hessian's arrays and
     * kept graph (closing it frees nothing).
     */
    public LossHessian block(String parameterName) {
        NamedParameter p = model.parameter(parameterName);
        if (!p.trainable()) {
            throw new IllegalArgumentException("parameter '" + parameterName + "' is not trainable");
        }
        return new LossHessian(model, loss, inputs, labels, List.of(p), null, gradient, true);
    }

    /** The blocks of this operator: one per parameter tensor, by name. */
    public List<String> blockNames() {
        return active.stream().map(NamedParameter::name).toList();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    @SuppressWarnings("try")
    public double[] apply(double[] v) {
        Vectors.checkLength("v", v, dimension);
        double[] out = new double[dimension];
        try (NDScope scope = new NDScope()) {
            product(split(v), hv -> {
                int at = 0;
                for (NDArray piece : hv) {
                    double[] values = piece.toType(DataType.FLOAT64, false).toDoubleArray();
                    System.arraycopy(values, 0, out, at, values.length);
                    at += values.length;
                }
                return out;
            });
        }
        return out;
    }

    /** v cut into one native array per active parameter, in the model's type (in the caller's scope). */
    private List<NDArray> split(double[] v) {
        NDManager manager = inputs.getManager();
        // sliced straight into the model's type: a float64 array converted natively would be one
        // more copy of the whole vector
        return split((from, size, shape) -> model.dtype() == DataType.FLOAT32
                ? manager.create(floatSlice(v, from, size), shape)
                : manager.create(Arrays.copyOfRange(v, from, from + size), shape));
    }

    /** A vector of +-1 entries cut like {@link #split(double[])}, moved as bytes and converted natively. */
    private List<NDArray> split(byte[] signs) {
        NDManager manager = inputs.getManager();
        return split((from, size, shape) -> manager.create(Arrays.copyOfRange(signs, from, from + size), shape));
    }

    /* Each slice becomes an array in libtorch's own memory, in the model's type (a conversion, or a
     * clone when the slice has that type already): the graph keeps v alive, and DJL's created
     * arrays are backed by GC-owned Java buffers. */
    private List<NDArray> split(Slicer slicer) {
        List<NDArray> pieces = new ArrayList<>();
        int at = 0;
        for (NamedParameter p : active) {
            int size = (int) p.size();
            try (NDArray javaBacked = slicer.slice(at, size, p.shape())) {
                pieces.add(javaBacked.getDataType() == model.dtype() ? javaBacked.duplicate()
                        : javaBacked.toType(model.dtype(), false));
            }
            at += size;
        }
        return pieces;
    }

    /** Entries from .. from + size - 1 of a Java vector as an array of the given shape. */
    private interface Slicer {
        NDArray slice(int from, int size, Shape shape);
    }

    private static float[] floatSlice(double[] v, int from, int size) {
        float[] slice = new float[size];
        for (int i = 0; i < size; i++) {
            slice[i] = (float) v[from + i];
        }
        return slice;
    }

    /**
     * H v for v given as one array per active parameter (same shapes and type), handed to
     * {@code read} as the parameters' gradients: they are valid only during the call (and not
     * copied, since a caller reduces them at once), and reset when it returns.
     */
    private <T> T product(List<NDArray> v, Function<List<NDArray>, T> read) {
        List<NamedParameter> all = model.trainableParameters();
        Map<String, NDArray> g = gradient.current();
        // zero .grad (also if someone else's backward left values there) so H v accumulates into zeros
        all.forEach(p -> GraphGradients.reset(p.array()));
        try {
            return Autograd.recording(() -> {
                // g . v through the kept graph of g = dL/dw; its backward adds d(g . v)/dw = H v to .grad
                Autograd.backwardKeepingGraph(dot(active.stream().map(p -> g.get(p.name())).toList(), v));
                return read.apply(active.stream().map(p -> p.array().getGradient()).toList());
            });
        } finally {
            all.forEach(p -> GraphGradients.reset(p.array()));
        }
    }

    /**
     * v^T H v for one Rademacher vector v (entries +-1 from {@code seed}) of the loss of
     * {@code model} on (inputs, labels), by a fresh Hessian (closed after): one graph build and
     * one product (the tests' check of float32 products against float64 ones, and of memory).
     */
    static double rademacherQuadraticForm(GrokModel model, Loss loss, NDArray inputs, NDArray labels,
            long seed) {
        try (LossHessian h = of(model, loss, inputs, labels)) {
            return h.rademacherQuadraticForm(seed);
        }
    }

    /** v^T H v for one Rademacher vector v (entries +-1 from {@code seed}), with v made and reduced in libtorch. */
    @SuppressWarnings("try")
    double rademacherQuadraticForm(long seed) {
        try (NDScope scope = new NDScope()) {
            List<NDArray> v = split(ProbeVectors.rademacherSigns(dimension, new Random(seed)));
            return product(v, hv -> dot(hv, v).toType(DataType.FLOAT64, false).getDouble());
        }
    }

    /** a . b = sum_i sum(a_i * b_i) over arrays cut alike, as a scalar array (recorded if recording). */
    private static NDArray dot(List<NDArray> a, List<NDArray> b) {
        NDArray sum = null;
        for (int i = 0; i < a.size(); i++) {
            NDArray term = a.get(i).mul(b.get(i)).sum();
            sum = sum == null ? term : sum.add(term);
        }
        return sum;
    }
}

package dev.grokkit.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.grokkit.data.Examples;
import dev.grokkit.engine.Autograd;

/**
 * What every model spec shares: building the staged block, initializing it for the data's
 * input shape, and Omnigrok's init scale (every parameter multiplied by alpha after the default
 * initialization; Liu et al. 2022 use alpha = 8).
 */
public abstract class AbstractModelSpec<T extends AbstractModelSpec<T>> implements ModelSpec, Cloneable {

    private double initScale = 1.0;

    /** Multiplies every parameter by {@code alpha} after default initialization. */
    public T initScale(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("initScale must be positive and finite, was " + alpha);
        }
        this.initScale = alpha;
        return self();
    }

    public double initScale() {
        return initScale;
    }

    /** A copy with the current settings, which later changes to this spec do not affect. */
    @SuppressWarnings("unchecked")
    public T copy() {
        try {
            return (T) super.clone(); // every setting is a value, or an array replaced (never changed) by its setter
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    protected abstract T self();

    /** The stages for inputs like {@code sample}. */
    protected abstract StagedBlock createBlock(Examples sample);

    @Override
    public final GrokModel build(Examples sample, DataType dtype, NDManager parent) {
        StagedBlock block = createBlock(sample);
        NDManager manager = parent.newSubManager();
        try {
            Shape input = new Shape(1).addAll(sample.exampleShape());
            block.initialize(manager, dtype, input);
            GrokModel model = new GrokModel(describe(), block, manager, dtype);
            if (initScale != 1.0) {
                Autograd.notRecording(() -> {
                    for (NamedParameter p : model.parameters()) {
                        if (p.trainable()) {
                            p.array().muli(initScale);
                        }
                    }
                    return null;
                });
            }
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** {@code value} if it is positive; otherwise an exception naming the option. */
    protected static int positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
        return value;
    }

    /** A copy of {@code widths}, each checked positive. */
    protected static int[] positiveWidths(String option, int[] widths) {
        for (int w : widths) {
            positive(option, w);
        }
        return widths.clone();
    }

    /** Appends ", init scale A" when it is not 1. */
    protected String scaleSuffix() {
        return initScale == 1.0 ? "" : ", init scale " + initScale;
    }
}

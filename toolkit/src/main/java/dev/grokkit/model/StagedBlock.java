package dev.grokkit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as a chain of named stages (embedding, hidden1, block0, logits, ...). It runs like a
 * sequential block, and can also return every stage's output by name: these are the layer
 * activations ("taps") that probes read. The last stage's output is the logits. Inside a model
 * it also serves as a plain named sequence (a ResNet stage's "block0", "block1", a transformer
 * MLP's "up" and "down"), so parameter names follow the same path rule everywhere.
 */
public final class StagedBlock extends AbstractBlock {

    private final List<String> stageNames = new ArrayList<>();

    /** Appends a stage; names must be unique and are used in taps and parameter names. */
    public StagedBlock add(String name, Block stage) {
        if (stageNames.contains(name)) {
            throw new IllegalArgumentException("stage name '" + name + "' is used twice");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException("stage name '" + name + "' must not contain '.'");
        }
        stageNames.add(name);
        addChildBlock(name, stage);
        return this;
    }

    public List<String> stageNames() {
        return Collections.unmodifiableList(stageNames);
    }

    /**
     * Runs the stages in order, taking two shortcuts that give the same output with less work
     * (the taps of {@link #forwardTaps} take none, since they show every intermediate): a
     * concatenating embedding followed by a dense layer projects the table instead of the rows
     * ({@link DenseLayer#forwardOnConcatenatedRows}), and a transformer block followed by a
     * position head runs at the position the head reads ({@link PositionHead#forwardAfter}).
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return runStages(store, inputs, 0, children.size(), training);
    }

    /**
     * The output of stage {@code to - 1} when stage {@code from} receives {@code value}: the
     * stages from .. to - 1 alone (with the same shortcuts as the full forward pass). Stage i's
     * output is tap i + 1 of {@link #forwardTaps}, so probes and perturbed training can replace
     * one layer's value and run the rest.
     */
    public NDArray forwardStages(ParameterStore store, NDArray value, int from, int to, boolean training) {
        if (from < 0 || to > children.size() || from >= to) {
            throw new IllegalArgumentException("stages " + from + " .. " + (to - 1) + " are not a range of the "
                    + children.size() + " stages " + stageNames);
        }
        return runStages(store, new NDList(value), from, to, training).head();
    }

    private NDList runStages(ParameterStore store, NDList inputs, int from, int to, boolean training) {
        List<Block> stages = new ArrayList<>(children.values());
        NDList current = inputs;
        for (int i = from; i < to; i++) {
            Block stage = stages.get(i);
            Block next = i + 1 < to ? stages.get(i + 1) : null;
            NDArray x = current.head();
            if (stage instanceof EmbeddingLayer embedding && embedding.concatenates() && next instanceof DenseLayer dense) {
                NDArray table = embedding.table(store, x.getDevice(), training);
                current = new NDList(dense.forwardOnConcatenatedRows(store, table, x, training));
                i++;
            } else if (stage instanceof TransformerBlock block && next instanceof PositionHead head) {
                current = head.forwardAfter(store, block, x, training);
                i++;
            } else {
                current = stage.forward(store, current, training);
            }
        }
        return current;
    }

    /** Runs the stages and returns "input" followed by each stage's first output, by name. */
    public Map<String, NDArray> forwardTaps(ParameterStore store, NDArray input, boolean training) {
        Map<String, NDArray> taps = new LinkedHashMap<>();
        taps.put("input", input);
        NDList current = new NDList(input);
        int i = 0;
        for (Block stage : children.values()) {
            current = stage.forward(store, current, training);
            taps.put(stageNames.get(i++), current.get(0));
        }
        return taps;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block stage : children.values()) {
            stage.initialize(manager, dataType, shapes);
            shapes = stage.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block stage : children.values()) {
            shapes = stage.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StagedBlock(");
        int i = 0;
        for (Block stage : children.values()) {
            sb.append(i == 0 ? "" : ", ").append(stageNames.get(i++)).append('=').append(stage);
        }
        return sb.append(')').toString();
    }
}

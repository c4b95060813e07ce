package dev.grokkit.model;

import ai.djl.ndarray.types.Shape;

/** The (channels, height, width) of one image. */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "image shape must be positive, got " + channels + " x " + height + " x " + width);
        }
    }

    public Shape toShape() {
        return new Shape(channels, height, width);
    }

    public long size() {
        return (long) channels * height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}

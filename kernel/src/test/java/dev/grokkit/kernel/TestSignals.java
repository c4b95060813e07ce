package dev.grokkit.kernel;

import java.util.concurrent.CountDownLatch;

/** Latches that cells under test count down, so a test interrupts only once the cell really runs. */
public final class TestSignals {

    /** Counted down by the training run under test once it has logged a few rows. */
    public static final CountDownLatch TRAINING = new CountDownLatch(1);
    /** Counted down by the busy loop under test. */
    public static final CountDownLatch SPINNING = new CountDownLatch(1);
    /** Counted down by the loop under test that catches every Throwable. */
    public static final CountDownLatch CATCHING = new CountDownLatch(1);

    private TestSignals() {}
}

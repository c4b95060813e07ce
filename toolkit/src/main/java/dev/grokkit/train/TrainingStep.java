package dev.grokkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import dev.grokkit.engine.Autograd;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Loss;
import dev.grokkit.model.ModelLoss;
import dev.grokkit.model.NamedParameter;
import dev.grokkit.model.TrainingFlops;
import dev.grokkit.optim.GrokOptimizer;
import java.util.List;
import java.util.Optional;

/**
 * One optimizer update: forward in training mode, loss (a {@link ModelLoss} runs its own
 * forward passes), backward, update every trainable parameter in place, zero its gradient. Its
 * temporaries are closed when it returns. The training loop and the benchmark both run exactly
 * this. Runs on the calling thread alone, so the runs of a parallel sweep can step at the same
 * time, and leaves that thread's recording mode and intra-op thread count as it found them.
 *
 * <p>With passive waiting (the engine's default, {@link Grokkit#waitsPassively()}) a small step
 * runs on one intra-op thread whatever the calling thread's count: an MLP's or embedding MLP's
 * step of under {@link #ONE_THREAD_BELOW_FLOPS} FLOPs ({@link TrainingFlops}) with a plain loss.
 * Its operations are so short that waking a sleeping second thread for each of them costs more
 * than the thread saves. Measured on 2 cores (AMD EPYC, quiet, medians of 3 interleaved blocks of
 * 100 steps; AdamW), ms per step on 2 threads / 1 thread, passive:
 * <ul>
 *   <li>MLP 64-200-200-10 (the digits), batch 200 (66 MFLOP): 2.42 / 0.85; batch 1000 (329 MFLOP): 3.64 / 3.62;
 *   <li>MLP 784-200-200-10 (Omnigrok's), batch 100 (120 MFLOP): 1.85 / 1.24; batch 200 (239 MFLOP): 2.64 / 2.04;
 *       batch 500 (596 MFLOP): 4.28 / 4.90; batch 1000 (1.2 GFLOP): 7.13 / 9.72;
 *   <li>MLP 784-512-512-10, batch 200 (802 MFLOP): 5.31 / 7.17;
 *   <li>embedding MLP (embedding 64, hidden 256), full batch: x+y mod 23, 40% (12 MFLOP): 1.19 / 0.68;
 *       mod 59, 40% (138 MFLOP): 4.99 / 3.26; mod 97, 30% (440 MFLOP): 7.90 / 8.54.
 * </ul>
 * One thread stops winning between 329 and 440 MFLOP. With spinning threads ({@code
 * OMP_WAIT_POLICY=ACTIVE}) two threads won at every size here (digits batch 200: 0.56 / 0.85 ms;
 * x+y mod 59: 2.14 / 3.07 ms), so a spinning engine keeps the count. Other models keep the calling thread's
 * count (a convolution's or attention's work is not in its parameter count), and so does a
 * {@link ModelLoss}, which runs forward passes of its own.
 */
public final class TrainingStep {

    /** Steps of fewer FLOPs than this run on one intra-op thread (the measurements above). */
    static final double ONE_THREAD_BELOW_FLOPS = 340e6;

    private final GrokModel model;
    private final GrokOptimizer optimizer;
    private final Loss loss;
    private final List<NamedParameter> parameters;
    /** The step's FLOPs where they decide its threads: empty for a model loss, for models {@link TrainingFlops} does not count and when the engine spins. */
    private final Optional<TrainingFlops> flops;

    public TrainingStep(GrokModel model, GrokOptimizer optimizer, Loss loss) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.parameters = model.trainableParameters();
        this.flops = loss instanceof ModelLoss || !Grokkit.waitsPassively() ? Optional.empty() : TrainingFlops.of(model);
    }

    /**
     * Updates the model on the batch (inputs {@code x}, labels {@code y}); the update draws any
     * random numbers it needs (SGLD's noise) from the engine generator seeded with {@code seed}.
     */
    public void run(NDArray x, NDArray y, long seed) {
        run(x, y, seed, 0);
    }

    /**
     * The same update with the inputs (for token inputs the embeddings) perturbed by
     * N(0, noiseStd^2 I) in the forward pass ({@link InputNoise}); the noise comes from the
     * generator seeded with a mix of seed ({@link #noiseSeed}), so the optimizer's own draws are those of unperturbed training.
     */
    public void run(NDArray x, NDArray y, long seed, double noiseStd) {
        if (noiseStd != 0 && loss instanceof ModelLoss) {
            throw new IllegalArgumentException("noiseStd: perturbed training needs a plain loss, not the model loss "
                    + loss.name());
        }
        if (flops.isPresent() && flops.get().of(x.getShape().get(0)) < ONE_THREAD_BELOW_FLOPS) {
            Grokkit.withThreadsOnThisThread(1, () -> update(x, y, seed, noiseStd));
        } else {
            update(x, y, seed, noiseStd);
        }
    }

    private void update(NDArray x, NDArray y, long seed, double noiseStd) {
        try (NDScope scope = new NDScope()) {
            Autograd.backward(() -> loss instanceof ModelLoss m ? m.compute(model, x, y, true)
                    : loss.compute(PerturbedForward.logits(model, x, noiseStd, noiseSeed(seed), true), y));
            // in-place updates of parameters are refused while recording: they run outside it,
            // whatever the calling thread's mode, which is left as it was
            Autograd.notRecording(() -> Grokkit.seeded(seed, () -> {
                for (NamedParameter p : parameters) {
                    NDArray w = p.array();
                    optimizer.update(p.name(), w, w.getGradient());
                    Autograd.zeroGradient(w);
                }
                return null;
            }));
        }
    }

    /* Another generator seed than the update's (a golden-ratio multiply), so input noise and SGLD noise differ. */
    static long noiseSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }
}

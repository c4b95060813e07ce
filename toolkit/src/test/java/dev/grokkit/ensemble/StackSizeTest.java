package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.grokkit.data.Examples;
import dev.grokkit.data.ModularArithmetic;
import dev.grokkit.data.Operation;
import dev.grokkit.engine.Grokkit;
import dev.grokkit.model.GrokModel;
import dev.grokkit.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Members per stack: the activation budget divided by one member's widest activation, within 1 and all. */
class StackSizeTest {

    private static final long MB = 1_000_000;

    @Test
    void theMeasuredCasesGetTheStacksThatWereFastest() {
        // x+y mod 31, hidden 64: 480 x 64 floats per member, all 16 in one stack at one thread
        assertEquals(16, StackSize.forActivation(16, 480 * 64 * 4, 1));
        // x+y mod 59, hidden 256: 1,392 x 256 floats, one at a time at one thread, all at two
        assertEquals(1, StackSize.forActivation(16, 1392 * 256 * 4, 1));
        assertEquals(16, StackSize.forActivation(16, 1392 * 256 * 4, 2));
        // x+y mod 97, hidden 512: 3,763 x 512 floats, four at a time at two threads
        assertEquals(4, StackSize.forActivation(16, 3763 * 512 * 4, 2));
    }

    @Test
    void aStackHoldsAtLeastOneMemberAndAtMostAll() {
        assertEquals(1, StackSize.forActivation(5, 100 * MB, 2));
        assertEquals(5, StackSize.forActivation(5, 1, 1));
        assertEquals(3, StackSize.forActivation(3, 0, 1));
    }

    @Test
    void oneMembersActivationIsItsExamplesTimesItsWidestLayerInItsPrecisionAtTheCallingThreadsCount()
            throws InterruptedException {
        Examples train = ModularArithmetic.builder().modulus(13).operation(Operation.ADD).trainFraction(0.5).seed(0)
                .build().train();
        try (NDManager manager = Grokkit.engine().newBaseManager()) {
            List<GrokModel> members = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                // embedding 13 x 8, concatenated 16 -> hidden 40 -> 13: the widest axis is 40
                members.add(Models.embeddingMlp().embeddingDim(8).hidden(40).build(train, DataType.FLOAT64, manager));
            }
            long examples = 50_000;
            assertEquals(StackSize.forActivation(3, examples * 40 * 8, Grokkit.threadsOnThisThread()),
                    StackSize.of(members, examples));
            // 10,000 examples x 40 x 8 bytes = 3.2 MB a member: one per stack at one thread, all three at two
            assertEquals(List.of(1, 1), onThreadWith(1, () -> List.of(Grokkit.threadsOnThisThread(), StackSize.of(members, 10_000))));
            assertEquals(List.of(2, 3), onThreadWith(2, () -> List.of(Grokkit.threadsOnThisThread(), StackSize.of(members, 10_000))));
        }
    }

    /** {@code body}'s value on a new thread whose libtorch intra-op thread count is {@code threads} (as a sweep's worker sets it). */
    private static <T> T onThreadWith(int threads, Supplier<T> body) throws InterruptedException {
        AtomicReference<T> value = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            Grokkit.useThreadsOnThisThread(threads);
            value.set(body.get());
        });
        worker.start();
        worker.join();
        return value.get();
    }
}

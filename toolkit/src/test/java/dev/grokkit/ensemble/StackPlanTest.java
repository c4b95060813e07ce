package dev.grokkit.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/**
 * The plan: one worker per thread (at most one per member), each on one thread; members per stack
 * the 2 MiB budget over one member's widest activation, within 1 and as many as give every worker
 * a stack.
 */
class StackPlanTest {

    @Test
    void theMeasuredCasesGetTheLayoutsThatWereFastest() {
        long mod31 = 480L * 64 * 4;   // x+y mod 31, hidden 64: 0.12 MB a member
        long mod59 = 1392L * 256 * 4; // x+y mod 59, hidden 256: 1.4 MB
        long mod97 = 3763L * 512 * 4; // x+y mod 97, hidden 512: 7.7 MB
        assertEquals(new StackPlan(1, 1, 16), StackPlan.forActivation(16, mod31, 1));
        assertEquals(new StackPlan(2, 1, 8), StackPlan.forActivation(16, mod31, 2));
        assertEquals(new StackPlan(1, 1, 1), StackPlan.forActivation(16, mod59, 1));
        assertEquals(new StackPlan(2, 1, 1), StackPlan.forActivation(16, mod59, 2));
        assertEquals(new StackPlan(2, 1, 1), StackPlan.forActivation(16, mod97, 2));
    }

    @Test
    void everyWorkerGetsAStackAndALoneMemberGetsEveryThread() {
        assertEquals(new StackPlan(2, 1, 2), StackPlan.forActivation(3, 1, 2));
        assertEquals(List.of(List.of(0, 1), List.of(2)), new StackPlan(2, 1, 2).stacks(List.of(0, 1, 2)));
        assertEquals(new StackPlan(1, 4, 1), StackPlan.forActivation(1, 1, 4));
        // four threads, ten members: four workers on one thread each, stacks of 3, 3, 3 and 1
        assertEquals(new StackPlan(4, 1, 3), StackPlan.forActivation(10, 1, 4));
    }

    @Test
    void aPlanNeedsAWorkerAThreadAndAMember() {
        assertThrows(IllegalArgumentException.class, () -> new StackPlan(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new StackPlan(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new StackPlan(1, 1, 0));
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
            // 5,000 examples x 40 x 8 bytes = 1.6 MB a member: one per stack within 2 MiB
            assertEquals(new StackPlan(1, 1, 1), onThreadWith(1, () -> StackPlan.of(members, 5_000)));
            assertEquals(new StackPlan(2, 1, 1), onThreadWith(2, () -> StackPlan.of(members, 5_000)));
            // 500 examples: 0.16 MB a member, all three in one stack at one thread
            assertEquals(new StackPlan(1, 1, 3), onThreadWith(1, () -> StackPlan.of(members, 500)));
            assertEquals(List.of(1, 2), List.of(onThreadWith(1, Grokkit::threadsOnThisThread),
                    onThreadWith(2, Grokkit::threadsOnThisThread)));
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

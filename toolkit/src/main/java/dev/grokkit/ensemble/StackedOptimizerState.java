package dev.grokkit.ensemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import dev.grokkit.optim.GrokOptimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimizer state of an ensemble as its members' states: a stacked optimizer's slot
 * "name#kind" is K x ..., member k's slot its slice k, and every member has the stacked update
 * counts (all members of a stack make the same updates). Exact both ways: a slice and a stack
 * copy values.
 */
final class StackedOptimizerState {

    private StackedOptimizerState() {}

    /** Sets {@code member}'s state to slice {@code k} of {@code stacked}'s (copies, in the stacked slots' manager). */
    static void copyInto(GrokOptimizer stacked, int k, GrokOptimizer member) {
        try (NDScope scope = new NDScope()) {
            Map<String, NDArray> slices = new LinkedHashMap<>();
            stacked.slots().forEach((key, slot) -> slices.put(key, slot.get(k)));
            member.restore(stacked.counts(), slices);
        }
    }

    /**
     * Sets {@code stacked}'s state to the members' states stacked on a new axis 0; the members must
     * have made the same updates (equal counts and slot keys).
     */
    static void stack(List<GrokOptimizer> members, GrokOptimizer stacked) {
        GrokOptimizer first = members.get(0);
        for (GrokOptimizer member : members) {
            if (!member.counts().equals(first.counts()) || !member.slots().keySet().equals(first.slots().keySet())) {
                throw new IllegalArgumentException("members resumed from different optimizer states (update counts "
                        + member.counts() + " and " + first.counts() + ") cannot be stacked");
            }
        }
        try (NDScope scope = new NDScope()) {
            Map<String, NDArray> slots = new LinkedHashMap<>();
            for (String key : first.slots().keySet()) {
                NDList parts = new NDList();
                members.forEach(member -> parts.add(member.slots().get(key)));
                slots.put(key, NDArrays.stack(parts));
            }
            stacked.restore(first.counts(), slots);
        }
    }
}

package dev.grokkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitPolicyTest {

    private static Map<String, String> applied(String policy) {
        Map<String, String> env = new HashMap<>(Map.of("OMP_WAIT_POLICY", "ACTIVE", "GOMP_SPINCOUNT", "7", "PATH", "/bin"));
        WaitPolicy.named(policy).applyTo(env);
        return env;
    }

    @Test
    void eachPolicySetsItsVariablesAndRemovesTheOthers() {
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE", "PATH", "/bin"), applied("passive"));
        assertEquals(Map.of("OMP_WAIT_POLICY", "ACTIVE", "PATH", "/bin"), applied("ACTIVE"));
        // OMP_WAIT_POLICY would override the spin count, so a bounded spin leaves it unset
        assertEquals(Map.of("GOMP_SPINCOUNT", "10000", "PATH", "/bin"), applied("SPIN10000"));
        assertEquals(Map.of("GOMP_SPINCOUNT", "0", "PATH", "/bin"), applied("spin000"));
    }

    @Test
    void refusesOtherNames() {
        for (String bad : new String[] {"SPIN", "SPIN-1", "SPIN1e4", "YIELD", "SPIN1234567890123"}) {
            assertThrows(IllegalArgumentException.class, () -> WaitPolicy.named(bad), bad);
        }
    }
}

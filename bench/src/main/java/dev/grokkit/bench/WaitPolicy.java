package dev.grokkit.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How grokkit's OpenMP workers wait between parallel regions, as a benchmark option names it.
 * libtorch 2.7.1 (DJL's natives) ships GNU libgomp ({@code libgomp-*.so.1} beside libtorch_cpu),
 * so the settings are libgomp's: PASSIVE sleeps at once ({@code OMP_WAIT_POLICY=PASSIVE}),
 * ACTIVE spins ({@code OMP_WAIT_POLICY=ACTIVE}, libgomp spins for 3 x 10^10 iterations), and
 * {@code SPIN<n>} spins for n iterations before sleeping ({@code GOMP_SPINCOUNT=n}, with no
 * {@code OMP_WAIT_POLICY}, which would override it).
 */
record WaitPolicy(String name, Map<String, String> environment) {

    private static final Pattern SPIN = Pattern.compile("SPIN(\\d{1,12})");

    /** What --policies accepts, for messages. */
    static final String FORMS = "PASSIVE, ACTIVE or SPIN<n> (e.g. SPIN10000)";

    /** The policy named {@code name}, or an IllegalArgumentException naming the accepted forms. */
    static WaitPolicy named(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("PASSIVE") || upper.equals("ACTIVE")) {
            return new WaitPolicy(upper, Map.of("OMP_WAIT_POLICY", upper));
        }
        Matcher m = SPIN.matcher(upper);
        if (m.matches()) {
            return new WaitPolicy(upper, Map.of("GOMP_SPINCOUNT", Long.toString(Long.parseLong(m.group(1)))));
        }
        throw new IllegalArgumentException("'" + name + "' is not " + FORMS);
    }

    /** Sets this policy in a child process's environment, removing the other policies' variables. */
    void applyTo(Map<String, String> env) {
        for (String variable : List.of("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")) {
            env.remove(variable);
        }
        env.putAll(environment);
    }
}

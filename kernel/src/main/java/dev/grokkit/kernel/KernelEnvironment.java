package dev.grokkit.kernel;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's settings from IJava's environment variables, so a kernelspec written for IJava
 * works unchanged:
 * <ul>
 *   <li>{@code IJAVA_CLASSPATH}: extra class path entries (globs allowed), separated by the
 *       platform's path separator;
 *   <li>{@code IJAVA_COMPILER_OPTS}: options for JShell's compiler, separated by spaces;
 *   <li>{@code IJAVA_STARTUP_SCRIPTS_PATH}: .jsh files (globs allowed) run at start-up;
 *   <li>{@code IJAVA_STARTUP_SCRIPT}: code run at start-up, after the scripts;
 *   <li>{@code IJAVA_TIMEOUT}: the time limit of one statement, in milliseconds or as
 *       "amount UNIT" (e.g. "30 SECONDS"); below 1 means none (the default).
 * </ul>
 */
record KernelEnvironment(List<String> classpath, List<String> compilerOptions, List<String> startupScriptPaths,
        String startupScript, long timeoutMillis) {

    static KernelEnvironment from(Map<String, String> env) {
        return new KernelEnvironment(
                split(env.get("IJAVA_CLASSPATH"), File.pathSeparator),
                split(env.get("IJAVA_COMPILER_OPTS"), "\\s+"),
                split(env.get("IJAVA_STARTUP_SCRIPTS_PATH"), File.pathSeparator),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                timeout(env.get("IJAVA_TIMEOUT")));
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.trim().split(separator)).filter(s -> !s.isBlank()).toList();
    }

    /** Milliseconds from "1500" or "30 SECONDS"; -1 (no limit) when unset. */
    static long timeout(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String[] parts = value.trim().split("\\s+");
        try {
            long amount = Long.parseLong(parts[0]);
            if (parts.length == 1) {
                return amount;
            }
            if (parts.length == 2) {
                return TimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT)).toMillis(amount);
            }
        } catch (IllegalArgumentException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("IJAVA_TIMEOUT must be milliseconds or 'amount UNIT' (e.g. '30 SECONDS'), was '"
                + value + "'");
    }
}

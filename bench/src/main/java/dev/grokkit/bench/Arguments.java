package dev.grokkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What picocli does not check about a bench program's options: ranges, repeated list items,
 * names among a fixed set, files that exist. Each failure is a {@link ParameterException}, which
 * picocli reports like its own parse errors (the message, then the usage; exit code 2), before
 * any work starts.
 */
final class Arguments {

    private Arguments() {}

    /** Runs the program's command on these arguments and returns its exit code (2 for bad arguments). */
    static int execute(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    static long positive(CommandSpec spec, String option, long value) {
        return atLeast(spec, option, value, 1, "a positive integer");
    }

    static long nonNegative(CommandSpec spec, String option, long value) {
        return atLeast(spec, option, value, 0, "a non-negative integer");
    }

    /** Every item of the list >= 1, none twice, at least one. */
    static List<Integer> positiveDistinct(CommandSpec spec, String option, List<Integer> values) {
        values.forEach(v -> positive(spec, option, v));
        return distinct(spec, option, values);
    }

    /** The list's items, each one of {@code allowed}, none twice. */
    static List<String> among(CommandSpec spec, String option, List<String> names, List<String> allowed) {
        for (String name : names) {
            if (!allowed.contains(name)) {
                throw fail(spec, option + " names '" + name + "', which is not one of " + allowed);
            }
        }
        return distinct(spec, option, names);
    }

    /** The list, if it is not empty and has no item twice. */
    static <T> List<T> distinct(CommandSpec spec, String option, List<T> values) {
        if (values.isEmpty()) {
            throw fail(spec, option + " needs at least one value");
        }
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw fail(spec, option + " lists '" + v + "' twice in " + values);
            }
        }
        return List.copyOf(values);
    }

    /** The path, if it names a regular file that exists. */
    static Path existingFile(CommandSpec spec, String option, Path path) {
        if (!Files.isRegularFile(path)) {
            throw fail(spec, option + " names no file: " + path.toAbsolutePath().normalize()
                    + " does not exist or is not a regular file");
        }
        return path;
    }

    static ParameterException fail(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static long atLeast(CommandSpec spec, String option, long value, long min, String what) {
        if (value < min) {
            throw fail(spec, option + " must be " + what + ", was " + value);
        }
        return value;
    }
}

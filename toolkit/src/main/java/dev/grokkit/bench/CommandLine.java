package dev.grokkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a bench program: leading positional arguments, then {@code --option value}
 * pairs; a value may be a comma-separated list. Every problem (a missing or extra positional
 * argument, an unknown or repeated option, an option without a value, a value that is not an
 * integer in range or not among the allowed names, an empty or repeated list item) is an
 * {@link IllegalArgumentException} naming the argument, what is wrong, and the program's usage.
 */
final class CommandLine {

    private final String usage;
    private final List<String> positional;
    private final Map<String, String> options;

    private CommandLine(String usage, List<String> positional, Map<String, String> options) {
        this.usage = usage;
        this.positional = positional;
        this.options = options;
    }

    /** Reads exactly {@code positionalCount} positional arguments, then options among {@code known}. */
    static CommandLine parse(String usage, String[] args, int positionalCount, List<String> known) {
        if (args.length < positionalCount || (positionalCount > 0 && args[positionalCount - 1].startsWith("--"))) {
            throw new IllegalArgumentException("expected " + positionalCount + " argument(s) before the options, got "
                    + List.of(args) + "; usage: " + usage);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = positionalCount; i < args.length; i += 2) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + name + "'; usage: " + usage);
            }
            if (i + 1 >= args.length || known.contains(args[i + 1])) {
                throw new IllegalArgumentException(name + " needs a value; usage: " + usage);
            }
            if (options.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " is given twice; usage: " + usage);
            }
        }
        return new CommandLine(usage, List.of(args).subList(0, positionalCount), options);
    }

    String positional(int index) {
        return positional.get(index);
    }

    /** The option's value (not blank), or {@code fallback} if it is absent. */
    String string(String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value, was '" + value + "'; usage: " + usage);
        }
        return value;
    }

    /** The option's value (or {@code fallback}) as the path of a regular file that exists. */
    Path existingFile(String name, String fallback) {
        Path path = Path.of(string(name, fallback));
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(name + " names no file: " + path.toAbsolutePath().normalize()
                    + " does not exist or is not a regular file; usage: " + usage);
        }
        return path;
    }

    /** The option's value as an integer >= 1, or {@code fallback} if it is absent. */
    long positiveLong(String name, long fallback) {
        return integer(name, fallback, 1, Long.MAX_VALUE);
    }

    /** The option's value as an integer >= 0, or {@code fallback} if it is absent. */
    long nonNegativeLong(String name, long fallback) {
        return integer(name, fallback, 0, Long.MAX_VALUE);
    }

    /** As {@link #positiveLong}, at most Integer.MAX_VALUE. */
    int positiveInt(String name, int fallback) {
        return (int) integer(name, fallback, 1, Integer.MAX_VALUE);
    }

    /** As {@link #nonNegativeLong}, at most Integer.MAX_VALUE. */
    int nonNegativeInt(String name, int fallback) {
        return (int) integer(name, fallback, 0, Integer.MAX_VALUE);
    }

    /** The option's list of integers >= 1 (at least one), or {@code fallback} if it is absent. */
    List<Integer> positiveInts(String name, List<Integer> fallback) {
        List<String> items = items(name, false);
        return items == null ? fallback
                : items.stream().map(v -> (int) integer(name, v, 1, Integer.MAX_VALUE)).toList();
    }

    /** The option's list of integers >= 0 (an empty value is the empty list), or {@code fallback} if it is absent. */
    List<Long> nonNegativeLongs(String name, List<Long> fallback) {
        List<String> items = items(name, true);
        return items == null ? fallback : items.stream().map(v -> integer(name, v, 0, Long.MAX_VALUE)).toList();
    }

    /** The option's list of names (at least one), each among {@code allowed}, or {@code fallback} if it is absent. */
    List<String> namesAmong(String name, List<String> allowed, List<String> fallback) {
        List<String> items = items(name, false);
        if (items == null) {
            return fallback;
        }
        for (String item : items) {
            if (!allowed.contains(item)) {
                throw new IllegalArgumentException(name + " names '" + item + "', which is not one of " + allowed
                        + "; usage: " + usage);
            }
        }
        return items;
    }

    private long integer(String name, long fallback, long min, long max) {
        String value = options.get(name);
        return value == null ? fallback : integer(name, value, min, max);
    }

    /** {@code value} as an integer in [min, max] (min 0 or 1), or an exception naming the option. */
    private long integer(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n > max) {
                throw new IllegalArgumentException(name + " must be at most " + max + ", was " + n + "; usage: " + usage);
            }
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not an integer: reported below
        }
        throw new IllegalArgumentException(name + " must be " + (min == 0 ? "a non-negative" : "a positive")
                + " integer, was '" + value + "'; usage: " + usage);
    }

    /**
     * The option's comma-separated items, trimmed, or null if it is absent. An empty value is the
     * empty list where {@code emptyAllowed}; an empty item or an item given twice is refused.
     */
    private List<String> items(String name, boolean emptyAllowed) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            if (emptyAllowed) {
                return List.of();
            }
            throw new IllegalArgumentException(name + " needs at least one value, was '" + value + "'; usage: " + usage);
        }
        List<String> items = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isEmpty()) {
                throw new IllegalArgumentException(name + " has an empty item in '" + value + "'; usage: " + usage);
            }
            if (items.subList(0, i).contains(items.get(i))) {
                throw new IllegalArgumentException(name + " lists '" + items.get(i) + "' twice in '" + value
                        + "'; usage: " + usage);
            }
        }
        return items;
    }
}

package dev.grokkit.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a bench program: leading positional arguments, then {@code --option value}
 * pairs. Every problem (a missing or extra positional argument, an unknown or repeated option, an
 * option without a value, a value that is not a positive integer) is an
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
            if (i + 1 >= args.length) {
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

    /** The option's value as an integer >= 1, or {@code fallback} if it is absent. */
    long positiveLong(String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer, was '" + value + "'; usage: " + usage);
    }

    /** As {@link #positiveLong}, at most Integer.MAX_VALUE. */
    int positiveInt(String name, int fallback) {
        long n = positiveLong(name, fallback);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + ", was " + n
                    + "; usage: " + usage);
        }
        return (int) n;
    }
}

package dev.grokkit.bench;

import picocli.CommandLine.Option;

/** The -h / --help option every bench program mixes in (picocli prints the usage and exits 0). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    private boolean help;
}

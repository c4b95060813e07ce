package dev.grokkit.kernel;

import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * IJava's line magics: {@code %jars glob..} and {@code %classpath path..} add to the class path,
 * {@code %load file.jsh} runs a script as if it were the cell, {@code %maven coordinates..}
 * resolves artifacts with their dependencies and adds their jars.
 */
final class KernelMagics {

    /** Runs code (a loaded script) through the kernel, magics included. */
    interface CodeRunner {
        void run(String code) throws Exception;
    }

    private final Magics registry = new Magics();
    private final CodeEvaluator evaluator;
    private final MavenResolver resolver;
    private final CodeRunner runner;

    KernelMagics(CodeEvaluator evaluator, MavenResolver resolver, CodeRunner runner) {
        this.evaluator = evaluator;
        this.resolver = resolver;
        this.runner = runner;
        registry.registerLineMagic("jars", args -> {
            addAll(matching(args, true, "%jars"));
            return null;
        });
        registry.registerLineMagic("classpath", args -> {
            List<String> entries = new ArrayList<>();
            args.forEach(a -> entries.addAll(List.of(a.split(File.pathSeparator))));
            addAll(matching(entries, false, "%classpath"));
            return null;
        });
        registry.registerLineMagic("load", args -> {
            requireArguments(args, "%load", "a .jsh file");
            List<String> scripts = new ArrayList<>();
            for (String file : args) { // every file read before any runs
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("%load: no file " + path.toAbsolutePath());
                }
                scripts.add(readScript(path, "%load"));
            }
            for (String script : scripts) {
                runner.run(script);
            }
            return null;
        });
        registry.registerLineMagic("maven", args -> {
            requireArguments(args, "%maven", "coordinates group:artifact:version");
            args.forEach(MavenResolver::artifact); // every coordinate well formed before any download
            List<File> jars = new ArrayList<>();
            for (String coordinates : args) { // all resolved before the class path changes
                jars.addAll(resolver.resolve(coordinates));
            }
            jars.forEach(jar -> evaluator.addToClasspath(jar.getAbsolutePath()));
            return null;
        });
    }

    /** Applies the line magic {@code name}; an unknown name is an error. */
    void apply(String name, List<String> args) throws Exception {
        registry.applyLineMagic(name, args);
    }

    private void addAll(List<Path> paths) {
        paths.forEach(p -> evaluator.addToClasspath(p.toAbsolutePath().toString()));
    }

    /** Paths matching the globs (only files if {@code filesOnly}); a glob that matches nothing is an error. */
    static List<Path> matching(List<String> globs, boolean filesOnly, String magic) throws IOException {
        requireArguments(globs, magic, filesOnly ? "a jar path or glob" : "a path or glob");
        List<Path> out = new ArrayList<>();
        for (String glob : globs) {
            int before = out.size();
            try {
                GlobFinder finder = new GlobFinder(glob);
                (filesOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths()).forEach(out::add);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(magic + ": '" + glob + "': there is no folder " + e.getFile());
            } catch (NotDirectoryException e) {
                throw new IllegalArgumentException(magic + ": '" + glob + "': " + e.getFile() + " is not a folder");
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(magic + ": '" + glob + "' cannot be searched: " + e, e);
            }
            if (out.size() == before) {
                throw new IllegalArgumentException(magic + ": nothing matches '" + glob + "'");
            }
        }
        return out;
    }

    /** A script's text; a file that is not UTF-8 text or cannot be read is named ({@code who} says who read it). */
    static String readScript(Path path, String who) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(who + ": " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(who + ": cannot read " + path + ": " + e, e);
        }
    }

    private static void requireArguments(List<String> args, String magic, String what) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(magic + " needs " + what);
        }
    }
}

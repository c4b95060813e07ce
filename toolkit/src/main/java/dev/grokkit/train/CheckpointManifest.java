package dev.grokkit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The list of a checkpoint folder's files with their lengths and SHA-256 digests, one line
 * "length sha256 name" each, written last in the folder. {@link #verify} checks a folder against
 * it before anything in the folder is read, so a missing, truncated, extended or altered file is
 * refused by name instead of reaching a decoder.
 */
final class CheckpointManifest {

    static final String FILE = "manifest.txt";

    private CheckpointManifest() {}

    /** Lists every regular file of {@code folder} (but the manifest itself). */
    static void write(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : fileNames(folder)) {
            Path file = folder.resolve(name);
            text.append(Files.size(file)).append(' ').append(Digests.of(file)).append(' ').append(name).append('\n');
        }
        Files.writeString(folder.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /** Refuses {@code folder} unless its files are exactly the manifest's, with its lengths and digests. */
    static void verify(Path folder) {
        Map<String, String[]> listed = read(folder);
        try {
            for (String name : fileNames(folder)) {
                if (!listed.containsKey(name)) {
                    throw damaged(folder, name, "is not in " + FILE);
                }
            }
            for (Map.Entry<String, String[]> entry : listed.entrySet()) {
                String name = entry.getKey();
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw damaged(folder, name, "is missing (" + FILE + " lists it)");
                }
                long size = Files.size(file);
                if (size != Long.parseLong(entry.getValue()[0])) {
                    throw damaged(folder, name, "is " + size + " bytes, " + FILE + " says " + entry.getValue()[0]);
                }
                if (!Digests.of(file).equals(entry.getValue()[1])) {
                    throw damaged(folder, name, "does not have the SHA-256 digest " + FILE + " records");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + folder, e);
        }
    }

    /** The manifest's lines as name -> {length, digest}; a line of another form is refused. */
    private static Map<String, String[]> read(Path folder) {
        Path manifest = folder.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            throw damaged(folder, FILE, "is missing (every checkpoint lists its files in it)");
        }
        List<String> lines;
        try {
            if (Files.size(manifest) > 1 << 16) {
                throw damaged(folder, FILE, "is " + Files.size(manifest) + " bytes, too long for a manifest");
            }
            String text = new String(Files.readAllBytes(manifest), StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                throw damaged(folder, FILE, "does not end with a line break: it was cut short");
            }
            lines = List.of(text.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        Map<String, String[]> listed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(" ", -1);
            boolean wellFormed = fields.length == 3 && fields[0].matches("\\d{1,18}")
                    && fields[1].matches("[0-9a-f]{64}") && fields[2].matches("[A-Za-z0-9._-]+")
                    && !fields[2].equals(FILE);
            if (!wellFormed || listed.put(fields[2], fields) != null) {
                throw damaged(folder, FILE, "line " + (i + 1) + " is not 'length sha256 name' of a new file: '"
                        + abbreviate(lines.get(i)) + "'");
            }
        }
        return listed;
    }

    private static TreeSet<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            TreeSet<String> names = new TreeSet<>();
            s.filter(p -> !p.getFileName().toString().equals(FILE))
                    .forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }

    /** "checkpoint FOLDER is damaged: FOLDER/FILE PROBLEM". */
    static IllegalStateException damaged(Path folder, String file, String problem) {
        return new IllegalStateException("checkpoint " + folder + " is damaged: " + folder.resolve(file) + " " + problem);
    }
}

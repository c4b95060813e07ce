package dev.grokkit.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A named file to read whole: a path on disk or a bundled classpath resource. gzip-compressed
 * content is recognised by its magic bytes 1f 8b, whatever the name says, and decompressed.
 */
final class DataSource {

    /** Where {@code data/} of the repository sits inside the toolkit jar. */
    static final String BUNDLED_ROOT = "/dev/grokkit/data/bundled/";

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final Opener opener;
    /** The file, whose length is known before reading; null for a bundled resource. */
    private final Path path;

    private DataSource(String name, Opener opener, Path path) {
        this.name = name;
        this.opener = opener;
        this.path = path;
    }

    /** A file on disk; fails at once if it does not exist or is a directory. */
    static DataSource file(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new DataFileException(name, "is a directory, not a data file");
        }
        if (!Files.exists(path)) {
            throw new DataFileException(name, "file not found");
        }
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(name, "is not a regular file (a device, pipe or socket), not a data file");
        }
        return new DataSource(name, () -> Files.newInputStream(path), path);
    }

    /**
     * A file of the repository's {@code data/} folder, bundled in the toolkit jar, e.g.
     * "digits/digits.csv.gz".
     */
    static DataSource bundled(String relativePath) {
        String resource = BUNDLED_ROOT + relativePath;
        String name = "classpath:" + resource;
        if (DataSource.class.getResource(resource) == null) {
            throw new DataFileException(name, "bundled resource not found on the classpath "
                    + "(the toolkit jar is built with the repository's data/ folder as a resource)");
        }
        return new DataSource(name, () -> DataSource.class.getResourceAsStream(resource), null);
    }

    String name() {
        return name;
    }

    /**
     * The whole content, decompressed if it is gzip; refused beyond a quarter of the heap (its bytes
     * become 4-byte floats) or the 2 GiB an array holds, so a gzip bomb cannot fill the heap.
     */
    byte[] readAll() {
        return readAll((int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 4));
    }

    /** The whole content, decompressed if it is gzip, refused if it is longer than {@code limit} bytes. */
    byte[] readAll(int limit) {
        try (InputStream raw = new BufferedInputStream(opener.open(), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                if (path != null && Files.size(path) > limit) {
                    throw tooLarge("is " + Files.size(path) + " bytes", limit);
                }
                return readAtMost(raw, limit, "");
            }
            try (InputStream unzipped = new GZIPInputStream(raw, 1 << 16)) {
                return readAtMost(unzipped, limit, " once decompressed");
            }
        } catch (EOFException | ZipException e) {
            throw new DataFileException(
                    name, "gzip data is truncated or corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot be read (" + e + ")", e);
        }
    }

    private byte[] readAtMost(InputStream in, int limit, String how) throws IOException {
        byte[] content = in.readNBytes(limit + 1);
        if (content.length > limit) {
            throw tooLarge("holds more than " + limit + " bytes" + how, limit);
        }
        return content;
    }

    private DataFileException tooLarge(String size, int limit) {
        return new DataFileException(name, size + ", more than this JVM can read as examples (" + limit
                + " bytes: a quarter of the heap, here " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB, and under 2 GiB); raise -Xmx or use a smaller file");
    }

    @Override
    public String toString() {
        return name;
    }
}

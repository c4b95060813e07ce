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

    private DataSource(String name, Opener opener) {
        this.name = name;
        this.opener = opener;
    }

    /** A file on disk; fails at once if it does not exist or is a directory. */
    static DataSource file(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new DataFileException(name, "is a directory, not a data file");
        }
        if (!Files.isRegularFile(path)) {
            throw new DataFileException(name, "file not found");
        }
        return new DataSource(name, () -> Files.newInputStream(path));
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
        return new DataSource(name, () -> DataSource.class.getResourceAsStream(resource));
    }

    String name() {
        return name;
    }

    /** The whole content, decompressed if it is gzip. */
    byte[] readAll() {
        try (InputStream raw = new BufferedInputStream(opener.open(), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return raw.readAllBytes();
            }
            try (InputStream unzipped = new GZIPInputStream(raw, 1 << 16)) {
                return unzipped.readAllBytes();
            }
        } catch (EOFException | ZipException e) {
            throw new DataFileException(
                    name, "gzip data is truncated or corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot be read (" + e + ")", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

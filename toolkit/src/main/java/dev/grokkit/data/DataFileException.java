package dev.grokkit.data;

/**
 * A data file that is missing, unreadable or not in the expected format. The message starts with
 * the file and says what is wrong, e.g. {@code "/data/train-images-idx3-ubyte: bad magic number
 * ..."}. Unchecked, so notebooks need no try/catch.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;

    public DataFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DataFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file (path or classpath resource) the problem is in. */
    public String file() {
        return file;
    }
}

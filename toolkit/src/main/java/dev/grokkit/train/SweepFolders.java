package dev.grokkit.train;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The folder of each point of a saved {@link Sweep}: the value as it prints, with the few characters
 * a file system would not keep apart percent-encoded, so that values that print differently get
 * different folders: "x+y", "x%2Ay" (x*y) and "x%2Fy" (x/y). Public so that a sweep run elsewhere
 * (grokkit-spark) lays out its directory exactly as a local one.
 */
public final class SweepFolders {

    /** A point folder's checkpoint directory (one step-NNNNNNNNN folder per checkpoint). */
    public static final String CHECKPOINTS = "checkpoints";
    /** A finished point's history, written before {@link #RUN}. */
    public static final String HISTORY = "history.csv";
    /** A finished point's record, written last: a point is finished once it exists. */
    public static final String RUN = "run.properties";

    /** Longer names keep a prefix and a checksum of the whole value (file names end at 255 bytes). */
    static final int MAX_LENGTH = 120;
    /** Characters no folder name may hold on Windows, and the escape character itself. */
    private static final String ESCAPED = "/\\:*?\"<>|%";

    private SweepFolders() {
    }

    /**
     * The value with every byte of its UTF-8 form that is not printable ASCII, one of {@code /\:*?"<>|%},
     * or a space or '.' at either end, written as %XX (as in a URL): a name is never hidden, "." or
     * "..", and is one folder on every file system, e.g. "0.3", "x+y", "x%2Ay" (x*y), "Point[fraction=0.3, seed=0]".
     * Below {@link #MAX_LENGTH} characters distinct values give distinct names; a longer name keeps
     * its first 111 characters and appends ~ and the value's CRC-32 in 8 hex digits.
     */
    public static String name(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder name = new StringBuilder();
        for (int k = 0; k < bytes.length; k++) {
            int c = bytes[k] & 0xff;
            boolean end = k == 0 || k == bytes.length - 1;
            if (c < 0x20 || c >= 0x7f || ESCAPED.indexOf(c) >= 0 || end && (c == ' ' || c == '.')) {
                name.append(String.format("%%%02X", c));
            } else {
                name.append((char) c);
            }
        }
        if (name.length() <= MAX_LENGTH) {
            return name.toString();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return name.substring(0, MAX_LENGTH - 9) + String.format("~%08x", crc.getValue());
    }

    /**
     * Refuses values that would share a folder: an empty one, two whose names are equal (long values
     * whose prefix and checksum agree) or equal but for case (one folder on macOS and Windows).
     */
    public static void requireDistinct(String parameter, List<String> values) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isEmpty()) {
                throw new IllegalArgumentException("sweep over '" + parameter + "': the value of point " + (i + 1)
                        + " prints as an empty string, which cannot name its folder");
            }
            String name = name(values.get(i));
            Integer other = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (other == null) {
                continue;
            }
            String otherName = name(values.get(other));
            String both = "sweep over '" + parameter + "': the values '" + values.get(other) + "' (point " + (other + 1)
                    + ") and '" + values.get(i) + "' (point " + (i + 1) + ") would share ";
            throw new IllegalArgumentException(otherName.equals(name)
                    ? both + "the folder '" + name + "'; give them values that print differently"
                    : both + "a folder on a case-insensitive file system ('" + otherName + "' and '" + name
                            + "'); give them values that differ in more than case");
        }
    }
}

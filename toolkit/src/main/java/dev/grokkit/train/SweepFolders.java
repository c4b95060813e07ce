package dev.grokkit.train;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The folder of each point of a saved {@link Sweep}: a readable name that differs for values that
 * print differently, e.g. "0.3", "x+y", "x%2Ay" (x*y) and "x%2Fy" (x/y).
 */
final class SweepFolders {

    /** Longer names keep a prefix and a checksum of the whole value (file names end at 255 bytes). */
    static final int MAX_LENGTH = 120;
    private static final String KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-=+,()@^~";

    private SweepFolders() {
    }

    /**
     * The value with every byte of its UTF-8 form outside letters, digits and {@code ._-=+,()@^~}
     * written as %XX (as in a URL), and a leading '.' too, so that no name is hidden, "." or "..".
     * Below {@link #MAX_LENGTH} characters distinct values give distinct names; a longer name keeps
     * its first 111 characters and appends ~ and the value's CRC-32 in 8 hex digits.
     */
    static String name(String value) {
        StringBuilder name = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (KEPT.indexOf(c) >= 0 && !(c == '.' && name.isEmpty())) {
                name.append(c);
            } else {
                name.append(String.format("%%%02X", b & 0xff));
            }
        }
        if (name.length() <= MAX_LENGTH) {
            return name.toString();
        }
        CRC32 crc = new CRC32();
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return name.substring(0, MAX_LENGTH - 9) + String.format("~%08x", crc.getValue());
    }

    /**
     * Refuses values that would share a folder: an empty one, two whose names are equal (long values
     * whose prefix and checksum agree) or equal but for case (one folder on macOS and Windows).
     */
    static void requireDistinct(String parameter, List<String> values) {
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

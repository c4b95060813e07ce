package dev.grokkit.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/**
 * glibc's malloc statistics (mallinfo2): how much of the process's native memory its arenas hold,
 * how much of that is allocated, and how much is free but kept (fragmented). A resident set that
 * grows while "in use" stays flat is memory malloc holds, not memory the program holds.
 */
final class MallocArenas {

    private MallocArenas() {}

    /** Arena bytes from sbrk/heaps plus mmapped chunks, in MiB. */
    static String describe() {
        Info info = LibC.INSTANCE.mallinfo2();
        double mib = 1024.0 * 1024.0;
        return String.format(java.util.Locale.ROOT, "malloc heap %.0f MiB (in use %.0f, free %.0f), mmapped %.0f MiB",
                info.arena / mib, info.uordblks / mib, info.fordblks / mib, info.hblkhd / mib);
    }

    /** struct mallinfo2: ten size_t fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost"})
    public static class Info extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        Info mallinfo2();
    }
}

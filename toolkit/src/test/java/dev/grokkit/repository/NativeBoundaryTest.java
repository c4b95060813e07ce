package dev.grokkit.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native boundary is one package: only dev.grokkit.engine names DJL's PyTorch internals
 * (JniUtils, PtNDArray, anything in ai.djl.pytorch) or JNA, so a change of libtorch or DJL
 * touches that package alone.
 */
class NativeBoundaryTest {

    static final Pattern NATIVE = Pattern.compile("\\bai\\.djl\\.pytorch\\.|\\bcom\\.sun\\.jna\\.|\\bJniUtils\\b|\\bPtNDArray\\b");

    @Test
    void onlyTheEnginePackageReachesNativeCode() throws IOException {
        List<String> found = nativeUses(Path.of("src/main/java")); // the tests run in toolkit/
        assertTrue(found.isEmpty(), "native calls outside dev.grokkit.engine:\n" + String.join("\n", found));
    }

    /** The check finds what it looks for, and lets the engine package be. */
    @Test
    void aPlantedUseIsFound(@TempDir Path tree) throws IOException {
        Path engine = Files.createDirectories(tree.resolve("dev/grokkit/engine"));
        Path train = Files.createDirectories(tree.resolve("dev/grokkit/train"));
        Files.writeString(engine.resolve("A.java"), "import ai.djl.pytorch.jni.JniUtils;\n");
        Files.writeString(train.resolve("B.java"), "class B {\n  void f() { JniUtils.zeroGrad(null); }\n}\n");
        assertEquals(List.of("dev/grokkit/train/B.java:2: void f() { JniUtils.zeroGrad(null); }"), nativeUses(tree));
    }

    static List<String> nativeUses(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !sources.relativize(f).startsWith(Path.of("dev/grokkit/engine"))).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (NATIVE.matcher(lines.get(i)).find()) {
                    found.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }
}

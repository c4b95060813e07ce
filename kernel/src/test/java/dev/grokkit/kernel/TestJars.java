package dev.grokkit.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A tiny jar with class demo.Hello (static hi() returns "hello from demo"), compiled for the test. */
final class TestJars {

    private TestJars() {}

    static Path helloJar(Path dir) throws IOException {
        Path src = dir.resolve("src/demo/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Hello { public static String hi() { return \"hello from demo\"; } }");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), src.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on " + src);
        }
        Path jar = dir.resolve("hello-1.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("demo/Hello.class"));
            jarOut.write(Files.readAllBytes(classes.resolve("demo/Hello.class")));
            jarOut.closeEntry();
        }
        return jar;
    }
}

package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IJava's environment variables read as IJava documents them. */
class KernelEnvironmentTest {

    @Test
    void readsEveryVariable() {
        KernelEnvironment env = KernelEnvironment.from(Map.of(
                "IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + "lib/*.jar",
                "IJAVA_COMPILER_OPTS", " -Xlint:none  --enable-preview ",
                "IJAVA_STARTUP_SCRIPTS_PATH", "start.jsh",
                "IJAVA_STARTUP_SCRIPT", "int x = 1;",
                "IJAVA_TIMEOUT", "30 SECONDS"));
        assertEquals(List.of("a.jar", "lib/*.jar"), env.classpath());
        assertEquals(List.of("-Xlint:none", "--enable-preview"), env.compilerOptions());
        assertEquals(List.of("start.jsh"), env.startupScriptPaths());
        assertEquals("int x = 1;", env.startupScript());
        assertEquals(30_000, env.timeoutMillis());
    }

    @Test
    void defaultsWhenUnset() {
        KernelEnvironment env = KernelEnvironment.from(Map.of());
        assertEquals(List.of(), env.classpath());
        assertEquals(-1, env.timeoutMillis());
    }

    @Test
    void timeoutInMillisecondsOrUnits() {
        assertEquals(1500, KernelEnvironment.timeout("1500"));
        assertEquals(120_000, KernelEnvironment.timeout("2 minutes"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelEnvironment.timeout("soon"));
        assertEquals(true, e.getMessage().startsWith("IJAVA_TIMEOUT"));
    }
}

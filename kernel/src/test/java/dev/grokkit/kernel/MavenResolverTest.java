package dev.grokkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %maven's resolver finds an artifact and its dependency in the local repository without a network. */
class MavenResolverTest {

    private static void install(Path repo, String artifact, String dependencyXml, Path jar) throws Exception {
        Path dir = repo.resolve("org/example/" + artifact + "/1.0");
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve(artifact + "-1.0.jar"));
        Files.writeString(dir.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.example</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version>"
                + "<dependencies>" + dependencyXml + "</dependencies></project>");
    }

    @Test
    void resolvesAnArtifactWithItsDependencyFromTheLocalRepository(@TempDir Path dir) throws Exception {
        Path jar = TestJars.helloJar(dir.resolve("build"));
        Path repo = dir.resolve("repo");
        install(repo, "base", "", jar);
        install(repo, "app", "<dependency><groupId>org.example</groupId><artifactId>base</artifactId>"
                + "<version>1.0</version></dependency>", jar);
        List<File> jars = new MavenResolver(repo).resolve("org.example:app:1.0");
        assertEquals(List.of("app-1.0.jar", "base-1.0.jar"), jars.stream().map(File::getName).toList());
    }

    @Test
    void badCoordinatesAreRejected(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MavenResolver(dir).resolve("not-coordinates"));
        assertEquals(true, e.getMessage().contains("group:artifact"));
    }
}

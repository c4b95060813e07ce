package dev.grokkit.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.supplier.RepositorySystemSupplier;

/**
 * Resolves {@code %maven} coordinates (group:artifact[:extension[:classifier]]:version) with
 * their runtime dependencies through Maven's own resolver: the local repository (~/.m2 or
 * {@code maven.repo.local}) first, then Maven Central. Artifacts already in the local
 * repository resolve without a network.
 */
final class MavenResolver {

    private static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final Path localRepository;
    private RepositorySystem system;

    MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
    }

    /** The local repository Maven itself uses. */
    static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The jar files of {@code coordinates} and everything they need at run time. */
    List<File> resolve(String coordinates) throws DependencyResolutionException {
        DefaultArtifact artifact = artifact(coordinates);
        RepositorySystem repositories = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(repositories.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), List.of(CENTRAL));
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<File> jars = new ArrayList<>();
        for (ArtifactResult result : repositories.resolveDependencies(session, request).getArtifactResults()) {
            jars.add(result.getArtifact().getFile());
        }
        return jars;
    }

    /** The artifact the coordinates name; malformed coordinates are an IllegalArgumentException saying so. */
    static DefaultArtifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("coordinates must be group:artifact[:extension[:classifier]]:version, was '"
                    + coordinates + "'", e);
        }
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }
}

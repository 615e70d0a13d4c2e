package org.hamlab.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates with their runtime dependencies (Maven Resolver 2.0, Maven 3 rules)
 * into local jar paths, from Maven Central plus any extra repositories.
 */
public final class MavenResolver {
  public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
  private final Path localRepository;

  /** @param localRepository where downloads are cached, normally {@code ~/.m2/repository} */
  public MavenResolver(Path localRepository) {
    this.localRepository = localRepository;
  }

  /** The jars of {@code coords} ({@code group:artifact[:extension[:classifier]]:version}) and deps. */
  public List<Path> resolve(List<String> coords, List<String> extraRepositories) throws Exception {
    List<RemoteRepository> repos = new ArrayList<>();
    repos.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
    for (int i = 0; i < extraRepositories.size(); i++) {
      repos.add(new RemoteRepository.Builder("repo" + (i + 1), "default", extraRepositories.get(i))
          .build());
    }
    CollectRequest collect = new CollectRequest();
    for (String c : coords) {
      collect.addDependency(new Dependency(artifact(c), JavaScopes.RUNTIME));
    }
    collect.setRepositories(repos);
    RepositorySystem system = new RepositorySystemSupplier().get();
    try (CloseableSession session = new SessionBuilderSupplier(system).get()
        .withLocalRepositoryBaseDirectories(localRepository)
        .setSystemProperties(System.getProperties())
        .build()) {
      DependencyRequest request = new DependencyRequest(collect,
          DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
      Set<Path> jars = new LinkedHashSet<>();
      for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
        jars.add(r.getArtifact().getPath());
      }
      return List.copyOf(jars);
    } catch (DependencyResolutionException e) {
      throw new IllegalStateException("%maven could not resolve " + String.join(" ", coords) + ": "
          + rootMessage(e) + "\n(check group:artifact:version on https://central.sonatype.com and"
          + " that " + repos.stream().map(RemoteRepository::getUrl).toList() + " is reachable)", e);
    } finally {
      system.shutdown();
    }
  }

  static DefaultArtifact artifact(String coords) {
    String[] parts = coords.split(":");
    if (parts.length < 3 || parts.length > 5 || coords.contains(" ")) {
      throw new IllegalArgumentException("not Maven coordinates: '" + coords
          + "'; expected group:artifact:version, e.g. org.apache.commons:commons-lang3:3.14.0");
    }
    return new DefaultArtifact(coords);
  }

  private static String rootMessage(Throwable t) {
    String msg = t.getMessage();
    while (t.getCause() != null) {
      t = t.getCause();
      if (t.getMessage() != null) {
        msg = t.getMessage();
      }
    }
    return msg;
  }
}

package org.hamlab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real resolutions from Maven Central into an empty local repository (needs the network). */
@Tag("slow")
class MavenResolverTest {
  @TempDir
  Path repo;

  @Test
  void resolvesAnArtifactWithItsTransitiveDependencies() throws Exception {
    // commons-text depends on commons-lang3: both jars must come back
    List<Path> jars = new MavenResolver(repo).resolve(
        List.of("org.apache.commons:commons-text:1.12.0"), List.of());
    assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString()
        .startsWith("commons-text-1.12.0")), jars.toString());
    assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString()
        .startsWith("commons-lang3-")), "transitive dependency missing: " + jars);
    jars.forEach(j -> assertTrue(Files.isRegularFile(j) && j.startsWith(repo), j.toString()));
  }

  @Test
  void missingArtifactGivesAClearError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () ->
        new MavenResolver(repo).resolve(List.of("org.hamlab:no-such-artifact:0.0.1"), List.of()));
    assertTrue(e.getMessage().contains("could not resolve org.hamlab:no-such-artifact:0.0.1"),
        e.getMessage());
  }

  @Test
  void malformedCoordinatesAreRefusedBeforeAnyDownload() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        new MavenResolver(repo).resolve(List.of("commons-lang3"), List.of()));
    assertTrue(e.getMessage().contains("expected group:artifact:version"), e.getMessage());
  }
}

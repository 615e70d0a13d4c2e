package org.hamlab.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only org.hamlab.engine.simd may import jdk.incubator.vector (style.md §8.7). */
class VectorImportScanTest {
  @Test
  void onlyTheSimdPackageImportsTheVectorApi() throws IOException {
    Path root = Path.of("src/main/java");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getParent().endsWith(Path.of("org/hamlab/engine/simd")))
          .filter(p -> {
            try {
              return Files.readString(p).contains("jdk.incubator.vector");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(Path::toString).toList();
    }
    assertEquals(List.of(), offenders);
  }
}

package org.hamlab.engine;

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

/**
 * The architecture, checked on the sources: engine ← dsl ← kernel with no arrow back up, and the
 * Vector API only inside {@code org.hamlab.engine.simd} (style.md §8.7).
 */
class LayeringTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void engineImportsNeitherDslNorKernel() throws IOException {
    assertEquals(List.of(), offenders("engine", Pattern.compile("^import (static )?org\\.hamlab\\.(dsl|kernel)\\b")));
  }

  @Test
  void dslDoesNotImportKernel() throws IOException {
    assertEquals(List.of(), offenders("dsl", Pattern.compile("^import (static )?org\\.hamlab\\.kernel\\b")));
  }

  @Test
  void onlySimdUsesTheVectorApi() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String module : List.of("engine", "dsl", "kernel")) {
      for (String f : offenders(module, Pattern.compile("^import (static )?jdk\\.incubator\\.vector\\b"))) {
        if (!f.replace('\\', '/').contains("/org/hamlab/engine/simd/")) bad.add(f);
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void theScanSeesTheSources() throws IOException {
    assertTrue(javaFiles("engine").size() > 5, "no engine sources found under " + ROOT);
  }

  private static List<String> offenders(String module, Pattern importLine) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : javaFiles(module)) {
      for (String line : Files.readAllLines(p)) {
        if (importLine.matcher(line.strip()).find()) out.add(ROOT.relativize(p) + ": " + line.strip());
      }
    }
    return out;
  }

  private static List<Path> javaFiles(String module) throws IOException {
    Path dir = ROOT.resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}

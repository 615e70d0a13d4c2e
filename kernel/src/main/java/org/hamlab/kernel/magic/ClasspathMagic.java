package org.hamlab.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** {@code %classpath PATH...}: adds jars, directories or globs ({@code lib/*.jar}) for user code. */
public final class ClasspathMagic implements Magic {
  private final Consumer<String> addToClasspath;

  public ClasspathMagic(Consumer<String> addToClasspath) {
    this.addToClasspath = addToClasspath;
  }

  @Override
  public String name() {
    return "classpath";
  }

  @Override
  public Object apply(List<String> args, String body) throws IOException {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("%classpath needs paths: %classpath lib/*.jar classes/");
    }
    List<Path> found = new ArrayList<>();
    for (String a : args) {
      List<Path> hits = expand(a);
      if (hits.isEmpty()) {
        throw new IllegalArgumentException("%classpath: nothing matches " + a + " (relative to "
            + Path.of("").toAbsolutePath() + ")");
      }
      found.addAll(hits);
    }
    for (Path p : found) {
      addToClasspath.accept(p.toAbsolutePath().toString());
    }
    System.out.println("added to the class path: " + found.size() + " entr"
        + (found.size() == 1 ? "y" : "ies"));
    return null;
  }

  /** A path, or the files matching a glob in its last segment ({@code lib/*.jar}). */
  static List<Path> expand(String arg) throws IOException {
    String expanded = arg.startsWith("~" + File.separator)
        ? System.getProperty("user.home") + arg.substring(1) : arg;
    if (!expanded.contains("*") && !expanded.contains("?")) {
      Path p = Path.of(expanded);
      return Files.exists(p) ? List.of(p) : List.of();
    }
    Path glob = Path.of(expanded);
    Path dir = glob.getParent() == null ? Path.of(".") : glob.getParent();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> m.matches(p.getFileName())).sorted().toList();
    }
  }
}

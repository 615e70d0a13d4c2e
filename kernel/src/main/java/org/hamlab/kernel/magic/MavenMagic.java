package org.hamlab.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code %maven group:artifact:version ... [--repo URL]}: resolves the artifacts with their
 * runtime dependencies (Maven Resolver) and adds the jars for user code.
 */
public final class MavenMagic implements Magic {
  private final MavenResolver resolver;
  private final Consumer<String> addToClasspath;

  public MavenMagic(MavenResolver resolver, Consumer<String> addToClasspath) {
    this.resolver = resolver;
    this.addToClasspath = addToClasspath;
  }

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public Object apply(List<String> args, String body) throws Exception {
    List<String> coords = new ArrayList<>();
    List<String> repos = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--repo")) {
        if (i + 1 == args.size()) {
          throw new IllegalArgumentException("%maven --repo needs a URL");
        }
        repos.add(args.get(++i));
      } else {
        coords.add(args.get(i));
      }
    }
    if (coords.isEmpty()) {
      throw new IllegalArgumentException(
          "%maven needs coordinates, e.g. %maven org.apache.commons:commons-lang3:3.14.0");
    }
    List<Path> jars = resolver.resolve(coords, repos);
    jars.forEach(j -> addToClasspath.accept(j.toString()));
    System.out.println("added " + jars.size() + " jar" + (jars.size() == 1 ? "" : "s") + ": "
        + String.join(", ", jars.stream().map(j -> j.getFileName().toString()).toList()));
    return null;
  }
}

package org.hamlab.dsl.sweep;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The optional Spark runner (module {@code hamlab-spark}) when it is not on the class path: loaded
 * from its build folder in a {@link ModuleClassLoader}, so that {@code sweep(...).on("local[2]")}
 * works in a notebook or JShell whose class path is only the DSL's.
 *
 * <p>Where the module is, first found wins:
 * <ol>
 *   <li>system property {@code hamlab.spark.classpath};
 *   <li>environment variable {@code HAMLAB_SPARK_CLASSPATH} ({@code ./hamlab} and the kernelspec
 *       that {@code ./hamlab install} writes set it);
 *   <li>{@code <repository>/spark/target} when the DSL itself was loaded from
 *       {@code <repository>/dsl/target}.
 * </ol>
 * The value is a class path; an entry that is a module build folder (it holds
 * {@code classpath.txt}) stands for its classes plus every entry of its {@code classpath.txt}.
 */
final class SparkModule {
  static final String PROPERTY = "hamlab.spark.classpath";
  static final String ENV = "HAMLAB_SPARK_CLASSPATH";
  static final String BUILD = "./hamlab build --spark";
  static final String MVN_BUILD = "mvn -Pspark -pl spark -am package -DskipTests";

  private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();

  private SparkModule() {}

  /** The module's runner for {@code master}; the error says where it looked and how to build it. */
  static SweepRunner runner(String master) {
    String where = location();
    if (where == null) {
      throw new IllegalStateException("running a sweep on '" + master + "' needs the optional Spark module "
          + "(hamlab-spark), and this JVM does not know where it is. Build it in the hamlab checkout with `" + BUILD
          + "` and start this JVM with -D" + PROPERTY + "=<checkout>/spark/target (or the environment variable "
          + ENV + "); `./hamlab shell`, `./hamlab run` and the notebook kernel installed by `./hamlab install` "
          + "set it. Or drop .on(...) to run in this JVM");
    }
    List<SweepRunner> runners = runners(where);
    if (runners.isEmpty()) throw notBuilt(where, "no sweep runner in it");
    for (SweepRunner r : runners) {
      if (r.accepts(master)) return r;
    }
    throw new IllegalStateException("the Spark module in " + where + " does not run on '" + master
        + "'; give a master such as \"local[2]\", \"local-cluster[2,1,1024]\" or \"spark://host:7077\"");
  }

  /** True when the module is built where this JVM looks and holds a runner (it may still refuse a master). */
  static boolean available() {
    String where = location();
    if (where == null) return false;
    try {
      return !runners(where).isEmpty();
    } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
      return false;
    }
  }

  /** The runners the module at {@code where} provides; none: forgotten, so a later build is seen. */
  private static List<SweepRunner> runners(String where) {
    List<SweepRunner> runners = new ArrayList<>();
    ServiceLoader.load(SweepRunner.class, LOADERS.computeIfAbsent(where, SparkModule::loader)).forEach(runners::add);
    if (runners.isEmpty()) LOADERS.remove(where);
    return runners;
  }

  /** The configured or guessed class path of the module, or null. */
  static String location() {
    String p = System.getProperty(PROPERTY);
    if (p != null && !p.isBlank()) return p.strip();
    String e = System.getenv(ENV);
    if (e != null && !e.isBlank()) return e.strip();
    Path repo = repository(SweepRunner.class);
    return repo == null ? null : repo.resolve("spark").resolve("target").toString();
  }

  /** The checkout {@code c} was built in, when it was loaded from {@code <repo>/dsl/target/...}. */
  static Path repository(Class<?> c) {
    try {
      var src = c.getProtectionDomain().getCodeSource();
      if (src == null) return null;
      Path p = Path.of(src.getLocation().toURI()).toAbsolutePath();
      for (; p != null; p = p.getParent()) {
        if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
            && p.getParent().getFileName() != null && p.getParent().getFileName().toString().equals("dsl")) {
          return p.getParent().getParent();
        }
      }
      return null;
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private static ClassLoader loader(String where) {
    return new ModuleClassLoader("hamlab-spark", urls(where), SweepRunner.class.getClassLoader());
  }

  /** The class path {@code where} stands for; fails with the build command when it is not built. */
  static URL[] urls(String where) {
    LinkedHashSet<Path> entries = new LinkedHashSet<>();
    for (String e : where.split(File.pathSeparator)) {
      if (e.isBlank()) continue;
      Path p = Path.of(e.strip()).toAbsolutePath();
      if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("classpath.txt"))) {
        entries.addAll(buildFolder(p));
      } else if (Files.exists(p)) {
        entries.add(p);
      } else {
        throw notBuilt(where, p + " does not exist");
      }
    }
    if (entries.isEmpty()) throw notBuilt(where, "it names nothing");
    List<URL> urls = new ArrayList<>();
    for (Path p : entries) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** A module's build folder: its classes (or jar) and the jars listed in its classpath.txt. */
  private static List<Path> buildFolder(Path target) {
    List<Path> out = new ArrayList<>();
    Path classes = target.resolve("classes");
    if (Files.isRegularFile(classes.resolve("META-INF/services/" + SweepRunner.class.getName()))) {
      out.add(classes);
    } else {
      try (Stream<Path> jars = Files.list(target)) {
        jars.filter(j -> j.getFileName().toString().matches("hamlab-spark-.*\\.jar")).sorted().findFirst()
            .ifPresentOrElse(out::add, () -> {
              throw notBuilt(target.toString(), "it holds neither classes/ nor hamlab-spark-*.jar");
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      for (String e : Files.readString(target.resolve("classpath.txt")).strip().split(File.pathSeparator)) {
        if (e.isBlank()) continue;
        Path p = Path.of(e);
        if (!Files.exists(p)) throw notBuilt(target.toString(), "its classpath.txt names " + p + ", which is missing");
        out.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static IllegalStateException notBuilt(String where, String why) {
    return new IllegalStateException("the optional Spark module (hamlab-spark) is not built: looked in " + where
        + " (" + why + "). Build it once in the hamlab checkout with `" + BUILD + "` (or `" + MVN_BUILD
        + "`; it downloads Spark 4.2, about 160 MB, from Maven Central), then run the sweep again");
  }
}

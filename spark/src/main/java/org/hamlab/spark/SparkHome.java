package org.hamlab.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars Spark needs around a sweep, built from this JVM's class path alone (distributed.md
 * §2.8: no Spark download): a {@code SPARK_HOME} whose {@code jars/} links every jar of the class
 * path (one version per artifact, the one this JVM loads), which {@code local-cluster} workers and
 * standalone workers started by {@code .ci/it/spark.sh} use for executors, and the hamlab class
 * folders packed as jars for {@code spark.jars}.
 */
final class SparkHome {
  private static final Pattern ARTIFACT = Pattern.compile("^(.+?)-\\d[^/]*\\.jar$");

  private SparkHome() {}

  /**
   * {@code $SPARK_HOME} when set (a folder without {@code jars/} gets the class path's jars linked
   * in), else a folder under the temp dir linking them. {@code local-cluster} workers read only the
   * environment variable, so that master needs it set ({@link #requireEnv}).
   */
  static Path resolve() {
    String env = System.getenv("SPARK_HOME");
    if (env != null && !env.isBlank()) {
      Path home = Path.of(env);
      if (!Files.isDirectory(home.resolve("jars"))) link(home);
      return home;
    }
    return fromClassPath(Path.of(System.getProperty("java.io.tmpdir"), "hamlab-spark-home-" + System.getProperty("user.name")));
  }

  /** Fails with what to do when {@code SPARK_HOME} is not in the environment (local-cluster needs it). */
  static void requireEnv(String master) {
    String env = System.getenv("SPARK_HOME");
    if (env == null || env.isBlank()) {
      Path home = fromClassPath(Path.of(System.getProperty("java.io.tmpdir"), "hamlab-spark-home-" + System.getProperty("user.name")));
      throw new IllegalStateException(master + " starts its workers inside this JVM, and they find Spark's jars only "
          + "through the environment variable SPARK_HOME, which is not set. Restart with\n  export SPARK_HOME=" + home
          + " SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1\n(that folder links the jars of this class path), "
          + "or use local[N] / spark://host:port");
    }
  }

  private static void link(Path home) {
    try {
      Path dir = home.resolve("jars");
      Files.createDirectories(home);
      Path tmp = Files.createTempDirectory(home, ".jars");
      for (Path j : classPathJars().values()) Files.createSymbolicLink(tmp.resolve(j.getFileName()), j);
      try {
        Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isDirectory(dir)) throw raced;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not link Spark's jars into " + home + "/jars: " + e.getMessage(), e);
    }
  }

  /** The jars of this JVM's class path, one per artifact (the first, which this JVM loads). */
  private static Map<String, Path> classPathJars() {
    Map<String, Path> jars = new LinkedHashMap<>();
    for (String e : classPath()) {
      Path p = Path.of(e);
      if (!e.endsWith(".jar") || !Files.isRegularFile(p)) continue;
      Matcher m = ARTIFACT.matcher(p.getFileName().toString());
      jars.putIfAbsent(m.matches() ? m.group(1) : p.getFileName().toString(), p.toAbsolutePath());
    }
    return jars;
  }

  /**
   * This module's class path: the URLs of its own class loader when the DSL loaded it beside itself
   * (a notebook whose JVM class path is only the kernel's), else {@code java.class.path}.
   */
  static List<String> classPath() {
    if (SparkHome.class.getClassLoader() instanceof java.net.URLClassLoader u) {
      List<String> out = new ArrayList<>();
      for (java.net.URL url : u.getURLs()) {
        try {
          out.add(Path.of(url.toURI()).toString());
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          // not a file: nothing to link or ship
        }
      }
      return out;
    }
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }

  /** Links the class path's jars into {@code base/<hash>/jars}; returns {@code base/<hash>}. */
  static Path fromClassPath(Path base) {
    Path home = base.resolve(hash(classPathJars().values().toString()));
    if (!Files.isDirectory(home.resolve("jars"))) link(home);
    return home;
  }

  /**
   * What executors need beyond {@code home}'s jars: the jars of the class path not in {@code
   * home/jars} (by file name) and every class folder (hamlab built by Maven) packed as a jar. With
   * {@code all}, every jar of the class path: a remote cluster's workers have their own Spark
   * distribution, which lacks hamlab and its libraries (Spark's own copies are loaded first there).
   */
  static List<String> shippedJars(Path home, boolean all) {
    List<String> out = new ArrayList<>();
    Path jarsDir = home.resolve("jars");
    for (String e : classPath()) {
      Path p = Path.of(e);
      if (Files.isDirectory(p)) {
        if (!p.toString().contains("test-classes")) out.add(pack(p).toUri().toString());
      } else if (e.endsWith(".jar") && Files.isRegularFile(p) 
          && (all || !Files.exists(jarsDir.resolve(p.getFileName())))) {
        out.add(p.toAbsolutePath().toUri().toString());
      }
    }
    return out;
  }

  /** A jar of the class folder {@code dir}, in the temp dir, named by content. */
  static Path pack(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
      for (Path f : all) {
        md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      String name = HexFormat.of().formatHex(md.digest(), 0, 8);
      Path jar = Path.of(System.getProperty("java.io.tmpdir"), "hamlab-classes-" + name + ".jar");
      if (Files.isRegularFile(jar)) return jar;
      Path tmp = Files.createTempFile(jar.getParent(), ".hamlab-classes", ".jar");
      try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(os)) {
        for (Path f : all) {
          out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
      Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("could not pack " + dir + " for the executors: " + e.getMessage(), e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

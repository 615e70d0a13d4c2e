package org.hamlab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK of executor JVMs ({@code .javaHome(...)}, {@code spark.executorEnv.JAVA_HOME}): checked
 * before Spark starts when the executors run on this machine, and recognised afterwards when an
 * executor turned out to be too old for hamlab's class files (distributed.md §2.5, §7).
 */
final class ExecutorJdk {
  /** Oldest JDK hamlab's executors run on: its class files are Java 25, and Spark 4.2 deprecates 25.0.0–25.0.2. */
  static final String MINIMUM = "25.0.3";
  private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"([^\"]+)\"");

  private ExecutorJdk() {}

  /**
   * Fails, naming the JDK and what to do, when {@code javaHome} is meant for executors on this
   * machine ({@code local-cluster}) and is not a JDK ≥ 25.0.3. Remote masters are not checked here:
   * the path is on the workers.
   */
  static void check(String master, String javaHome) {
    if (javaHome == null || !master.startsWith("local-cluster")) return;
    Path home = Path.of(javaHome);
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      throw new IllegalArgumentException(".javaHome(\"" + javaHome + "\") is not a JDK (no executable bin/java there); "
          + "give the folder of a JDK " + MINIMUM + " or newer, e.g. this JVM's " + System.getProperty("java.home")
          + ", or drop .javaHome(...) to use this JVM's");
    }
    String version = version(home);
    if (version != null && older(version, MINIMUM)) {
      throw new IllegalArgumentException(".javaHome(\"" + javaHome + "\") is Java " + version + ", which cannot run "
          + "hamlab: its executors need Java " + MINIMUM + " or newer (hamlab is compiled for Java 25). Point "
          + ".javaHome(...) at a JDK 25, e.g. this JVM's " + System.getProperty("java.home")
          + ", or drop .javaHome(...) to use this JVM's");
    }
  }

  /** JAVA_VERSION of the JDK's {@code release} file, or null when it has none. */
  static String version(Path home) {
    try {
      Matcher m = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** True when version {@code v} ("17.0.15", "25", "25.0.3") is older than {@code min}. */
  static boolean older(String v, String min) {
    String[] a = v.split("[.+-]"), b = min.split("[.+-]");
    for (int i = 0; i < b.length; i++) {
      int x = i < a.length && a[i].matches("\\d+") ? Integer.parseInt(a[i]) : 0;
      int y = Integer.parseInt(b[i]);
      if (x != y) return x < y;
    }
    return false;
  }

  /**
   * The error of a sweep whose executor JVM could not load hamlab (an {@link UnsupportedClassVersionError}
   * in the failure {@code message}), or null for any other failure.
   */
  static String tooOld(String message, String javaHome) {
    if (message == null || !message.contains("UnsupportedClassVersionError")) return null;
    return "the Spark executors run a JDK older than Java 25, so they cannot load hamlab's classes "
        + "(UnsupportedClassVersionError). Their JDK is " + (javaHome == null
            ? "the workers' default (this driver passed its own JAVA_HOME " + System.getProperty("java.home")
                + ", which the workers do not have or ignore)"
            : "the one set with .javaHome(\"" + javaHome + "\")")
        + ". Set .javaHome(\"/path/to/jdk-25\") to a JDK " + MINIMUM + " or newer installed on every worker";
  }
}

package org.hamlab.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Every setting of the kernel, read once from the environment (kernel.json's {@code env} may set
 * them):
 * <ul>
 *   <li>{@code HAMLAB_KERNEL_CLASSPATH}: extra class path for user code (path-separator list);
 *   <li>{@code HAMLAB_KERNEL_COMPILER_OPTS}: extra javac options, space separated;
 *   <li>{@code HAMLAB_KERNEL_STARTUP}: code run after the default imports;
 *   <li>{@code HAMLAB_MAVEN_REPO}: local Maven repository for {@code %maven}
 *       (default {@code ~/.m2/repository});
 *   <li>{@code HAMLAB_KERNEL_LOG}: log level of the protocol layer (default {@code WARNING}).
 * </ul>
 */
public record Env(String extraClasspath, List<String> compilerOptions, String startupCode,
    Path mavenRepository, Level logLevel) {

  public static Env from(Map<String, String> env) {
    String opts = env.getOrDefault("HAMLAB_KERNEL_COMPILER_OPTS", "").strip();
    String repo = env.get("HAMLAB_MAVEN_REPO");
    Level level;
    try {
      level = Level.parse(env.getOrDefault("HAMLAB_KERNEL_LOG", "WARNING"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("HAMLAB_KERNEL_LOG must be a java.util.logging level"
          + " such as WARNING, INFO or FINE, not '" + env.get("HAMLAB_KERNEL_LOG") + "'", e);
    }
    return new Env(env.getOrDefault("HAMLAB_KERNEL_CLASSPATH", ""),
        opts.isEmpty() ? List.of() : Arrays.asList(opts.split("\\s+")),
        env.getOrDefault("HAMLAB_KERNEL_STARTUP", ""),
        repo == null || repo.isBlank()
            ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(repo),
        level);
  }

  /** The class path user code compiles against: the kernel's own plus the extra entries. */
  public String userClasspath() {
    String own = System.getProperty("java.class.path", "");
    return extraClasspath.isBlank() ? own : own + File.pathSeparator + extraClasspath;
  }
}

package org.hamlab.kernel.install;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Writes the Jupyter kernelspec {@code hamlab}: {@code kernel.json}, the kernel jar and two logos,
 * into {@code PREFIX/share/jupyter/kernels/hamlab} or the user's Jupyter data directory.
 *
 * <pre>java -cp hamlab-kernel.jar org.hamlab.kernel.install.KernelspecInstaller
 *     [--user | --prefix DIR | --kernel-dir DIR] [--jar PATH] [--java PATH] [--env NAME=VALUE]...</pre>
 *
 * {@code --env} adds an environment variable of the kernel process to {@code kernel.json}; {@code
 * ./hamlab install} passes {@code HAMLAB_SPARK_CLASSPATH}, where the DSL finds the optional Spark
 * module for {@code sweep(...).on(master)} (the kernel itself knows nothing of Spark).
 */
public final class KernelspecInstaller {
  public static final String NAME = "hamlab";
  public static final String DISPLAY_NAME = "Java (hamlab)";
  public static final String JAR = "hamlab-kernel.jar";
  /** JVM flags of the kernel process (libraries.md §3.5). */
  public static final List<String> JVM_FLAGS = List.of("--add-modules=jdk.incubator.vector",
      "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
      "-Djava.awt.headless=true");

  private KernelspecInstaller() {}

  public static void main(String[] args) throws IOException {
    Path dir = null;
    Path jar = ownJar();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, String> env = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--user" -> dir = userDataDir().resolve("kernels").resolve(NAME);
        case "--prefix" -> dir = Path.of(value(args, ++i, "--prefix"))
            .resolve("share/jupyter/kernels").resolve(NAME);
        case "--kernel-dir" -> dir = Path.of(value(args, ++i, "--kernel-dir"));
        case "--jar" -> jar = Path.of(value(args, ++i, "--jar"));
        case "--java" -> java = value(args, ++i, "--java");
        case "--env" -> {
          String kv = value(args, ++i, "--env");
          int eq = kv.indexOf('=');
          if (eq < 1) fail("--env needs NAME=VALUE, not '" + kv + "'");
          env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        default -> fail("unknown option " + args[i]
            + "; use --user, --prefix DIR, --kernel-dir DIR, --jar PATH, --java PATH, --env NAME=VALUE");
      }
    }
    if (dir == null) {
      dir = userDataDir().resolve("kernels").resolve(NAME);
    }
    if (jar == null || !Files.isRegularFile(jar)) {
      fail("the kernel jar was not found (" + jar + "); build it with ./hamlab build");
    }
    install(dir, jar, java, env);
    System.out.println("installed kernelspec '" + NAME + "' (" + DISPLAY_NAME + ") in " + dir);
  }

  /** Writes the kernelspec folder {@code dir}. */
  public static void install(Path dir, Path jar, String java) throws IOException {
    install(dir, jar, java, Map.of());
  }

  /** Writes the kernelspec folder {@code dir}; {@code env} goes to the kernel process's environment. */
  public static void install(Path dir, Path jar, String java, Map<String, String> env)
      throws IOException {
    Files.createDirectories(dir);
    if (!jar.toAbsolutePath().equals(dir.resolve(JAR).toAbsolutePath())) {
      Files.copy(jar, dir.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(dir.resolve("kernel.json"), kernelJson(java, env));
    ImageIO.write(logo(32), "png", dir.resolve("logo-32x32.png").toFile());
    ImageIO.write(logo(64), "png", dir.resolve("logo-64x64.png").toFile());
  }

  /** The kernel.json text; {@code {resource_dir}} is the kernelspec folder (jupyter_client). */
  public static String kernelJson(String java) {
    return kernelJson(java, Map.of());
  }

  /** The kernel.json text with {@code env} as the kernel process's extra environment. */
  public static String kernelJson(String java, Map<String, String> env) {
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(JVM_FLAGS);
    argv.addAll(List.of("-jar", "{resource_dir}/" + JAR, "{connection_file}"));
    return "{\n"
        + "  \"argv\": [" + argv.stream().map(KernelspecInstaller::quote)
            .collect(Collectors.joining(", ")) + "],\n"
        + "  \"display_name\": " + quote(DISPLAY_NAME) + ",\n"
        + "  \"language\": \"java\",\n"
        + "  \"interrupt_mode\": \"message\",\n"
        + "  \"env\": " + new TreeMap<>(env).entrySet().stream()
            .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
            .collect(Collectors.joining(", ", "{", "}")) + ",\n"
        + "  \"metadata\": " + json(Map.of("debugger", "false")) + "\n"
        + "}\n";
  }

  private static String json(Map<String, String> m) {
    return m.entrySet().stream().map(e -> quote(e.getKey()) + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Jupyter's per-user data directory ($JUPYTER_DATA_DIR, else the platform default). */
  static Path userDataDir() {
    String env = System.getenv("JUPYTER_DATA_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String home = System.getProperty("user.home");
    if (System.getProperty("os.name", "").toLowerCase().contains("mac")) {
      return Path.of(home, "Library", "Jupyter");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter")
        : Path.of(home, ".local", "share", "jupyter");
  }

  /** A small logo: an "H" over a phase-space orbit. */
  static BufferedImage logo(int size) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    float s = size;
    g.setColor(new Color(0x1f3b57));
    g.fill(new RoundRectangle2D.Float(0, 0, s, s, s / 4, s / 4));
    g.setColor(new Color(0xf0a030));
    g.setStroke(new BasicStroke(Math.max(1.5f, s / 20)));
    g.draw(new Ellipse2D.Float(s * 0.12f, s * 0.25f, s * 0.76f, s * 0.5f));
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(s * 0.6f)));
    var fm = g.getFontMetrics();
    g.drawString("H", (size - fm.stringWidth("H")) / 2f, (size - fm.getHeight()) / 2f + fm.getAscent());
    g.dispose();
    return img;
  }

  private static Path ownJar() {
    try {
      Path p = Path.of(KernelspecInstaller.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      fail(option + " needs a value");
    }
    return args[i];
  }

  private static void fail(String message) {
    System.err.println("hamlab install: " + message);
    System.exit(2);
  }
}

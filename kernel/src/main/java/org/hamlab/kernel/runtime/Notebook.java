package org.hamlab.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hamlab.kernel.HamlabKernel;

/**
 * Functions notebook code can call bare (static-imported into every kernel JShell), with IJava's
 * names: {@code display}, {@code updateDisplay}, {@code render}, {@code clearOutput}; plus the
 * targets of magic rewrites. They work only inside the hamlab kernel.
 */
public final class Notebook {
  private static volatile HamlabKernel kernel;
  private static volatile long timerWall;
  private static volatile long timerCpu;

  private Notebook() {}

  /** Called once by the kernel at startup. */
  public static void attach(HamlabKernel k) {
    kernel = k;
  }

  private static HamlabKernel requireKernel() {
    HamlabKernel k = kernel;
    if (k == null) {
      throw new IllegalStateException("display functions need the hamlab Jupyter kernel;"
          + " in jshell use System.out.println(value) instead");
    }
    return k;
  }

  /** Shows {@code value} now (optionally only as the given MIME types); returns its display id. */
  public static String display(Object value, String... mimeTypes) {
    DisplayData d = requireKernel().renderer().renderAs(value, mimeTypes);
    String id = d.hasDisplayId() ? d.getDisplayId() : UUID.randomUUID().toString();
    DisplayData copy = new DisplayData(d);
    copy.setDisplayId(id);
    requireKernel().getIO().display.display(copy);
    return id;
  }

  /** Replaces the content of display {@code id} (from {@link #display}) with {@code value}. */
  public static void updateDisplay(String id, Object value, String... mimeTypes) {
    DisplayData d = new DisplayData(requireKernel().renderer().renderAs(value, mimeTypes));
    requireKernel().getIO().display.updateDisplay(id, d);
  }

  /** The MIME bundle the kernel would show for {@code value}. */
  public static DisplayData render(Object value, String... mimeTypes) {
    return requireKernel().renderer().renderAs(value, mimeTypes);
  }

  /** Clears this cell's output so far. */
  public static void clearOutput() {
    requireKernel().clearOutput(false);
  }

  /** Target of the {@code %name args} rewrite. */
  @SuppressWarnings("unchecked")
  public static <T> T lineMagic(String name, List<String> args) throws Exception {
    return (T) requireKernel().magics().apply(name, args, null);
  }

  /** Target of the {@code %%name args} rewrite. */
  @SuppressWarnings("unchecked")
  public static <T> T cellMagic(String name, List<String> args, String body) throws Exception {
    return (T) requireKernel().magics().apply(name, args, body);
  }

  /** Start of a {@code %time} region. */
  public static void timerStart() {
    timerCpu = processCpuNanos();
    timerWall = System.nanoTime();
  }

  /** End of a {@code %time} region: prints wall and process CPU time. */
  public static void timerReport() {
    double wall = (System.nanoTime() - timerWall) / 1e9;
    long cpu = processCpuNanos();
    String cpuText = cpu < 0 || timerCpu < 0 ? "n/a"
        : String.format(Locale.ROOT, "%.3f s", (cpu - timerCpu) / 1e9);
    System.out.printf(Locale.ROOT, "Wall time: %.3f s, CPU time (all threads): %s%n", wall, cpuText);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}

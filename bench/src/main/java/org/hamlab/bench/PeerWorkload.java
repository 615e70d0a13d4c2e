package org.hamlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * hamlab's own trainer on the PyTorch peer's workload ({@code /work/shared/peer/torch_hnn.py}):
 * {@code ./hamlab bench peer-workload} and one side of {@code ./hamlab bench compare}.
 *
 * <p>Takes the peer's flags with the peer's defaults and validates them. Once the trainer is
 * merged, {@link #run(Flags)} must train with the same configuration and print one line {@code
 * RESULT {json}} on stdout with at least the peer's keys {@code sec_per_epoch_median} (wall clock,
 * timed epochs after {@code --warmup} untimed ones), {@code cpu_sec_per_epoch_median} (process CPU
 * time), {@code sec_per_epoch_all}, {@code first_loss}, {@code final_loss}, {@code peak_rss_mb},
 * {@code threads}. {@code ./hamlab bench compare} reads the first two. Until then it exits with
 * status 2.
 */
public final class PeerWorkload {
  /** Exit status for a workload that cannot run yet (distinct from 1, a failure). */
  static final int NOT_AVAILABLE = 2;

  private PeerWorkload() {}

  /** The peer's systems, by its names (snake case, as torch_hnn.py spells them). */
  static final List<String> SYSTEMS = List.of("coupled_ho", "double_well", "henon_heiles");

  static final List<String> METHODS = List.of("adjoint", "backprop");
  static final List<String> DTYPES = List.of("float32", "float64");

  /** The peer's flags with its defaults (torch_hnn.py {@code --help}). */
  record Flags(
      String system,
      String method,
      String dtype,
      int trajectories,
      int steps,
      double dt,
      double sigma,
      int[] hidden,
      int corrector,
      int batch,
      double lr,
      int epochs,
      int warmup,
      long seed) {

    static Flags defaults() {
      return new Flags(
          "double_well",
          "adjoint",
          "float64",
          512,
          16,
          0.1,
          0.01,
          new int[] {64, 64},
          5,
          128,
          1e-3,
          5,
          1,
          0);
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("system", system);
      m.put("method", method);
      m.put("dtype", dtype);
      m.put("N", trajectories);
      m.put("L", steps);
      m.put("dt", dt);
      m.put("sigma", sigma);
      m.put("hidden", Arrays.toString(hidden));
      m.put("n", corrector);
      m.put("batch", batch);
      m.put("lr", lr);
      m.put("epochs", epochs);
      m.put("warmup", warmup);
      m.put("seed", seed);
      return m;
    }
  }

  public static void main(String[] args) {
    Flags flags;
    try {
      flags = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("peer-workload: " + e.getMessage());
      System.err.println(usage());
      System.exit(1);
      return;
    }
    System.exit(run(flags));
  }

  /** Trains on the workload and prints the RESULT line; the exit status. */
  static int run(Flags flags) {
    System.err.println(
        "peer-workload: hamlab's trainer is not merged yet (flags were valid: "
            + flags.asMap()
            + "); the lead wires org.hamlab.bench.PeerWorkload.run to the trainer");
    return NOT_AVAILABLE;
  }

  /**
   * Parses torch_hnn.py's flags ({@code --flag value} or {@code --flag=value}); unknown flags are
   * refused.
   */
  static Flags parse(String[] args) {
    Flags f = Flags.defaults();
    String system = f.system(), method = f.method(), dtype = f.dtype();
    int trajectories = f.trajectories(),
        steps = f.steps(),
        corrector = f.corrector(),
        batch = f.batch();
    int epochs = f.epochs(), warmup = f.warmup();
    double dt = f.dt(), sigma = f.sigma(), lr = f.lr();
    int[] hidden = f.hidden();
    long seed = f.seed();
    List<String> a = new ArrayList<>();
    for (String s : args) {
      int eq = s.indexOf('=');
      if (s.startsWith("--") && eq > 0) {
        a.add(s.substring(0, eq));
        a.add(s.substring(eq + 1));
      } else {
        a.add(s);
      }
    }
    for (int i = 0; i < a.size(); i += 2) {
      String flag = a.get(i);
      if (i + 1 >= a.size()) throw new IllegalArgumentException(flag + " needs a value");
      String v = a.get(i + 1);
      switch (flag) {
        case "--system" -> system = oneOf(flag, v, SYSTEMS);
        case "--method" -> method = oneOf(flag, v, METHODS);
        case "--dtype" -> dtype = oneOf(flag, v, DTYPES);
        case "--N" -> trajectories = positive(flag, v);
        case "--L" -> steps = positive(flag, v);
        case "--dt" -> dt = positiveReal(flag, v);
        case "--sigma" -> sigma = nonNegativeReal(flag, v);
        case "--hidden" -> hidden = widths(flag, v);
        case "--n" -> corrector = positive(flag, v);
        case "--batch" -> batch = positive(flag, v);
        case "--lr" -> lr = positiveReal(flag, v);
        case "--epochs" -> epochs = positive(flag, v);
        case "--warmup" -> warmup = nonNegative(flag, v);
        case "--seed" -> seed = integer(flag, v);
        default ->
            throw new IllegalArgumentException(
                "unknown flag '"
                    + flag
                    + "'; the workload takes torch_hnn.py's flags --system --method --dtype --N --L"
                    + " --dt --sigma --hidden --n --batch --lr --epochs --warmup --seed");
      }
    }
    return new Flags(
        system,
        method,
        dtype,
        trajectories,
        steps,
        dt,
        sigma,
        hidden,
        corrector,
        batch,
        lr,
        epochs,
        warmup,
        seed);
  }

  static String usage() {
    Flags d = Flags.defaults();
    return "usage: ./hamlab bench peer-workload [--system "
        + String.join("|", SYSTEMS)
        + "] [--method "
        + String.join("|", METHODS)
        + "] [--dtype "
        + String.join("|", DTYPES)
        + "] [--N "
        + d.trajectories()
        + "] [--L "
        + d.steps()
        + "] [--dt "
        + d.dt()
        + "] [--sigma "
        + d.sigma()
        + "] [--hidden 64,64] [--n "
        + d.corrector()
        + "] [--batch "
        + d.batch()
        + "] [--lr "
        + d.lr()
        + "] [--epochs "
        + d.epochs()
        + "] [--warmup "
        + d.warmup()
        + "] [--seed "
        + d.seed()
        + "]";
  }

  private static String oneOf(String flag, String v, List<String> allowed) {
    if (!allowed.contains(v)) {
      throw new IllegalArgumentException(
          flag + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }
    return v;
  }

  private static long integer(String flag, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs an integer, got '" + v + "'");
    }
  }

  private static int nonNegative(String flag, String v) {
    long x = integer(flag, v);
    if (x < 0 || x > Integer.MAX_VALUE)
      throw new IllegalArgumentException(flag + " must be ≥ 0, got " + v);
    return (int) x;
  }

  private static int positive(String flag, String v) {
    int x = nonNegative(flag, v);
    if (x == 0) throw new IllegalArgumentException(flag + " must be ≥ 1, got " + v);
    return x;
  }

  private static double real(String flag, String v) {
    try {
      double x = Double.parseDouble(v);
      if (!Double.isFinite(x)) throw new NumberFormatException();
      return x;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a finite number, got '" + v + "'");
    }
  }

  private static double positiveReal(String flag, String v) {
    double x = real(flag, v);
    if (!(x > 0)) throw new IllegalArgumentException(flag + " must be > 0, got " + v);
    return x;
  }

  private static double nonNegativeReal(String flag, String v) {
    double x = real(flag, v);
    if (x < 0) throw new IllegalArgumentException(flag + " must be ≥ 0, got " + v);
    return x;
  }

  private static int[] widths(String flag, String v) {
    String[] parts = v.split(",");
    int[] w = new int[parts.length];
    for (int i = 0; i < parts.length; i++) w[i] = positive(flag, parts[i].trim());
    return w;
  }
}

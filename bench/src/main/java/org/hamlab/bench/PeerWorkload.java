package org.hamlab.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.train.EpochRecord;
import org.hamlab.engine.train.Plateau;
import org.hamlab.engine.train.TrainEvent;
import org.hamlab.engine.train.TrainResult;
import org.hamlab.engine.train.TrainSpec;
import org.hamlab.engine.train.Trainer;

/**
 * hamlab's own trainer on the PyTorch peer's workload ({@code /work/shared/peer/torch_hnn.py}):
 * {@code ./hamlab bench peer-workload} and one side of {@code ./hamlab bench compare}.
 *
 * <p>Takes the peer's flags with the peer's defaults (plus {@code --substeps}), builds the same
 * workload with the peer's conventions ({@link PeerConventions}), trains with {@link Trainer}
 * ({@code --warmup} untimed epochs, then {@code --epochs} timed ones) and prints one line {@code
 * RESULT {json}} on stdout with the peer's keys: {@code sec_per_epoch_median} (wall clock), {@code
 * cpu_sec_per_epoch_median} (process CPU time, all threads), {@code sec_per_epoch_all}, {@code
 * first_loss}, {@code final_loss} (mean train loss of the first and last epoch), {@code h_error}
 * (of the model after the last epoch), {@code peak_rss_mb} (VmHWM), {@code rss_after_setup_mb},
 * {@code threads}. {@code ./hamlab bench compare} reads the timing keys. The system property
 * {@code hamlab.peer.reversible=true} uses the reversible adjoint instead of stored states.
 */
public final class PeerWorkload {
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
      long seed,
      int substeps) {

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
          0,
          20);
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
      m.put("substeps", substeps);
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
    boolean reversible = Boolean.getBoolean("hamlab.peer.reversible");
    long t0 = System.nanoTime();
    Trajectories data = PeerConventions.data(flags);
    double dataSeconds = (System.nanoTime() - t0) * 1e-9;
    Mlp model = PeerConventions.model(flags);
    GradientMethod gradient = PeerConventions.gradient(flags, reversible);
    double hErrorInit = PeerConventions.hError(model, flags);
    TrainSpec spec =
        TrainSpec.defaults()
            .withEpochs(flags.warmup() + flags.epochs())
            .withBatchSize(flags.batch())
            .withLearningRate(flags.lr())
            .withWindow(flags.steps() + 1)
            .withPlateau(Plateau.off())
            .withSeed(flags.seed() + 1)
            .withGradient(gradient);
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long w0 = System.nanoTime();
    int jitEpochs = jitWarmup(model, data, spec);
    double jitSeconds = (System.nanoTime() - w0) * 1e-9;
    double rssSetup = ProcStatus.peakRssMb();
    List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>(), losses = new ArrayList<>();
    long[] last = {os.getProcessCpuTime()};
    double load0 = os.getSystemLoadAverage();
    TrainResult r =
        new Trainer(spec)
            .withListener(
                e -> {
                  if (e instanceof TrainEvent.EpochEnded end) {
                    long now = os.getProcessCpuTime();
                    EpochRecord rec = end.record();
                    losses.add(rec.trainLoss());
                    if (rec.epoch() > flags.warmup()) {
                      wall.add(rec.seconds());
                      cpu.add((now - last[0]) * 1e-9);
                    }
                    System.err.printf(
                        "epoch %4d  loss %.4e  %.3fs%n", rec.epoch(), rec.trainLoss(), rec.seconds());
                    last[0] = os.getProcessCpuTime();
                  }
                })
            .train(model, data, null);
    if (losses.size() != spec.epochs()) {
      System.err.println("peer-workload: training stopped early: " + r.message());
      return 1;
    }
    // the peer reports the model after its last epoch, not the best one the Trainer restores
    System.arraycopy(r.lastParameters(), 0, model.parameters(), 0, model.parameterCount());
    model.parametersChanged();
    Map<String, Object> res = new LinkedHashMap<>(flags.asMap());
    res.put("hidden", flags.hidden());
    res.put("adjoint_states", flags.method().equals("adjoint")
        ? (reversible ? "reversible" : "stored") : null);
    res.put("epochs_timed", wall.size());
    res.put("sec_per_epoch_median", median(wall));
    res.put("sec_per_epoch_all", wall);
    res.put("cpu_sec_per_epoch_median", median(cpu));
    res.put("cpu_sec_per_epoch_all", cpu);
    res.put("loadavg_1min_start_end", List.of(load0, os.getSystemLoadAverage()));
    res.put("peak_rss_mb", ProcStatus.peakRssMb());
    res.put("rss_after_setup_mb", rssSetup);
    res.put("first_loss", losses.getFirst());
    res.put("final_loss", losses.getLast());
    res.put("h_error_init", hErrorInit);
    res.put("h_error", PeerConventions.hError(model, flags));
    res.put("data_gen_s", dataSeconds);
    res.put("jit_warmup_s", jitSeconds);
    res.put("jit_warmup_epochs", jitEpochs);
    res.put("threads", Tiles.threads());
    res.put("panama", model.panama());
    res.put("java", Runtime.version().toString());
    System.out.println("RESULT " + Json.write(res));
    return 0;
  }

  /**
   * Compiles the hot code before anything is timed: trains a throwaway copy of the model on the
   * same workload, one epoch at a time, until the JIT compilers were idle for three consecutive
   * epochs ({@code CompilationMXBean} total compilation time unchanged; at least 10 epochs, at most
   * {@code hamlab.peer.jitEpochs}, default 60, and no new epoch after {@code
   * hamlab.peer.jitSeconds}, default 20 s). Until C2 has compiled the Vector API kernels they
   * run boxed, 10–100× slower, and on a loaded machine the compiler threads take many epochs to
   * get there. The model and the optimiser of the measured run are untouched. Returns the epochs
   * run.
   */
  static int jitWarmup(Mlp model, Trajectories data, TrainSpec spec) {
    int max = Integer.getInteger("hamlab.peer.jitEpochs", 60);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    Trainer trainer = new Trainer(spec.withEpochs(1));
    long budget = (long) (1e9 * Integer.getInteger("hamlab.peer.jitSeconds", 20));
    long deadline = System.nanoTime() + budget;
    int idle = 0, epochs = 0;
    int least = Math.min(10, max);
    while (epochs < max && (epochs < least || (idle < 3 && System.nanoTime() < deadline))) {
      long c0 = measurable ? jit.getTotalCompilationTime() : 0;
      trainer.train(model.copy(), data, null);
      epochs++;
      idle = measurable && jit.getTotalCompilationTime() == c0 ? idle + 1 : 0;
    }
    return epochs;
  }

  static Double median(List<Double> xs) {
    if (xs.isEmpty()) return null;
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = a.length / 2;
    return a.length % 2 == 1 ? a[m] : 0.5 * (a[m - 1] + a[m]);
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
    int substeps = f.substeps();
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
        case "--substeps" -> substeps = positive(flag, v);
        default ->
            throw new IllegalArgumentException(
                "unknown flag '"
                    + flag
                    + "'; the workload takes torch_hnn.py's flags --system --method --dtype --N --L"
                    + " --dt --sigma --hidden --n --batch --lr --epochs --warmup --seed --substeps");
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
        seed,
        substeps);
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
        + "] [--substeps "
        + d.substeps()
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

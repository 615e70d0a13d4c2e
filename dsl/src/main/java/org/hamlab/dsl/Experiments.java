package org.hamlab.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.engine.adjoint.AuthorsGradient;
import org.hamlab.engine.adjoint.Backprop;
import org.hamlab.engine.adjoint.Checkpoints;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.adjoint.MemoryUse;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.metric.EnergyDrift;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Helpers for the paper notebooks ({@code notebooks/}, {@code ./hamlab reproduce}): the run scale,
 * the paper's configuration, a model cache shared by the notebooks of one run, tables that show
 * themselves as Markdown and CSV, and the experiments that have no DSL verb (gradient check,
 * gradient memory, drift under another integrator). Use as {@code Experiments.pick(16384, 1024)}.
 *
 * <p>Scale: system property {@code hamlab.scale} or environment {@code HAMLAB_SCALE}, {@code
 * paper} (default: 16384 trajectories, 25 epochs, paper.md §5.1) or {@code quick} (smoke tests).
 * Cache: system property {@code hamlab.cache} or environment {@code HAMLAB_CACHE}, a directory;
 * unset means no cache.
 */
public final class Experiments {
  private Experiments() {}

  // ---- scale

  /** "paper" or "quick". */
  public static String scale() {
    String s = System.getProperty("hamlab.scale", System.getenv().getOrDefault("HAMLAB_SCALE", "paper"));
    s = s.strip().toLowerCase(Locale.ROOT);
    if (!s.equals("paper") && !s.equals("quick")) {
      throw new IllegalArgumentException("HAMLAB_SCALE / -Dhamlab.scale must be 'paper' or 'quick', got '" + s + "'");
    }
    return s;
  }

  public static boolean paperScale() {
    return scale().equals("paper");
  }

  /** {@code paper} at the paper's scale, {@code quick} otherwise. */
  public static int pick(int paper, int quick) {
    return paperScale() ? paper : quick;
  }

  public static double pick(double paper, double quick) {
    return paperScale() ? paper : quick;
  }

  // ---- the paper's configuration

  /** Training data as paper.md §3.1 (σ_eff = 0.01, 7-point windows): 16384 trajectories, quick 1024. */
  public static Data paperData(HamiltonianSystem s) {
    return s.trajectories(pick(16384, 1024)).noise(0.01);
  }

  /**
   * A model trained as paper.md §5.1 (16-32-16 tanh, implicit midpoint, exact adjoint, Adam 0.01,
   * batch 512, 25 epochs; quick: 3 epochs, batch 128) in float64, from the model cache when set.
   */
  public static Model paperModel(HamiltonianSystem s) {
    return cached(paperTraining(paperData(s)));
  }

  /** The paper's training of {@code d} at the current scale, not yet run: chain options, then {@link #cached}. */
  public static Model paperTraining(Data d) {
    return Hamlab.train(d).epochs(pick(25, 3)).batch(pick(512, 128)).precision("float64");
  }

  /**
   * {@code m} trained, or read from the model cache (key: SHA-256 of its configuration) when an
   * equal configuration was trained before; a new result is written to the cache (temp file, then
   * rename). Without a cache directory it just trains.
   */
  public static Model cached(Model m) {
    String dir = System.getProperty("hamlab.cache", System.getenv("HAMLAB_CACHE"));
    if (dir == null || dir.isBlank() || m.data() == null) return m.run();
    String key = sha256(m.provenance().json()).substring(0, 24);
    Path model = Path.of(dir, key + ".json"), history = Path.of(dir, key + ".history.csv");
    try {
      Files.createDirectories(model.getParent());
      if (Files.isRegularFile(model) && Files.isRegularFile(history)) {
        Model loaded = ModelFiles.read(model, m.system());
        Table h = Table.read().csv(history.toFile());
        Table hist = EngineBridge.emptyHistory();
        for (int r = 0; r < h.rowCount(); r++) {
          hist.intColumn("epoch").append((int) h.numberColumn("epoch").getDouble(r));
          hist.doubleColumn("loss").append(h.numberColumn("loss").getDouble(r));
          hist.doubleColumn("learning_rate").append(h.numberColumn("learning_rate").getDouble(r));
          hist.doubleColumn("seconds").append(h.numberColumn("seconds").getDouble(r));
        }
        return Model.loaded(m.config(), m.system(),
            new Fit(loaded.hamiltonian(), hist, "finished (from the model cache " + model + ")", OffsetDateTime.now()),
            model.toString());
      }
      m.run();
      if (!m.stop().equals("finished")) return m;
      Path tmp = Files.createTempFile(model.getParent(), key, ".tmp.json");
      m.save(tmp.toString());
      Path tmpH = Files.createTempFile(model.getParent(), key, ".tmp.csv");
      m.history().write().csv(tmpH.toFile());
      Files.move(tmpH, history, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmp, model, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("model cache " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- tables that show themselves

  /** {@code t} as a displayable table: plain text, HTML, Markdown and CSV (the notebook runner saves the last two). */
  public static Displayable show(Table t) {
    return () -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("text/plain", t.printAll());
      m.put("text/markdown", markdown(t));
      m.put("text/csv", csv(t));
      m.put("text/html", html(t));
      return m;
    };
  }

  /** A GitHub Markdown table with a heading line (the table's name). */
  public static String markdown(Table t) {
    StringBuilder b = new StringBuilder("**" + t.name() + "**\n\n|");
    for (String c : t.columnNames()) b.append(' ').append(c.replace("|", "\\|")).append(" |");
    b.append("\n|");
    for (int i = 0; i < t.columnCount(); i++) b.append("---|");
    for (int r = 0; r < t.rowCount(); r++) {
      b.append("\n|");
      for (int c = 0; c < t.columnCount(); c++) b.append(' ').append(cell(t, r, c)).append(" |");
    }
    return b.append('\n').toString();
  }

  private static String cell(Table t, int r, int c) {
    Object v = t.column(c).get(r);
    if (v instanceof Double d) return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4g", d);
    return v == null ? "" : v.toString().replace("|", "\\|");
  }

  private static String csv(Table t) {
    var out = new java.io.StringWriter();
    t.write().csv(out);
    return out.toString();
  }

  private static String html(Table t) {
    StringBuilder b = new StringBuilder("<table><caption>" + esc(t.name()) + "</caption><thead><tr>");
    for (String c : t.columnNames()) b.append("<th>").append(esc(c)).append("</th>");
    b.append("</tr></thead><tbody>");
    for (int r = 0; r < t.rowCount(); r++) {
      b.append("<tr>");
      for (int c = 0; c < t.columnCount(); c++) b.append("<td>").append(esc(cell(t, r, c))).append("</td>");
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---- energy drift under a chosen integrator

  /**
   * Energy drift of the learned flow under {@code integrator} with step {@code dt} (e.g.
   * "implicit-midpoint" vs "rk4"), measured with the true H (paper.md §8.3).
   */
  public static Drift energyDrift(Model m, HamiltonianSystem s, TestPoints starts, double duration, String integrator,
      double dt) {
    return drift("learned, " + integrator + " h=" + dt, m.hamiltonian(), integrator, dt, s, starts, duration);
  }

  /** The same for the true flow (isolates the integrator from the model error). */
  public static Drift energyDrift(HamiltonianSystem s, TestPoints starts, double duration, String integrator, double dt) {
    return drift("true H, " + integrator + " h=" + dt, s.hamiltonian(), integrator, dt, s, starts, duration);
  }

  private static Drift drift(String label, org.hamlab.engine.system.Hamiltonian dynamics, String integrator, double dt,
      HamiltonianSystem truth, TestPoints starts, double duration) {
    if (!(duration > 0) || !(dt > 0)) throw new IllegalArgumentException("duration and dt must be > 0");
    long steps = Math.round(duration / dt);
    if (steps > 10_000_000) throw new IllegalArgumentException(steps + " steps is too many; shorten the duration");
    TestSet set = starts.resolve(truth);
    int every = (int) Math.max(1, steps / 500);
    int n = (int) (steps / every * every);
    return new Drift(label, EnergyDrift.compute(dynamics, truth.hamiltonian(), EngineBridge.integrator(integrator), dt,
        n, every, set.states(), set.count()));
  }

  // ---- gradients (paper.md §7.2 check)

  /**
   * The numerical check of paper.md §7.2: for {@code trials} random 16-32-16 tanh networks
   * (float64) and {@code rows} noisy 7-point windows (h = 0.01, σ = 0.01), the cosine and norm
   * ratio of each gradient against central finite differences of the window loss. Methods:
   * exact discrete adjoint, backprop, the authors' scheme (without its extra 1/B, as in §7.2),
   * and — to show what the authors' gradient really is — its cosine with the exact gradient of
   * the terminal-point loss.
   */
  public static Table gradientCheck(HamiltonianSystem s, int trials, int rows) {
    StringColumn method = StringColumn.create("method");
    IntColumn trial = IntColumn.create("trial");
    DoubleColumn cos = DoubleColumn.create("cosine_vs_fd"), ratio = DoubleColumn.create("norm_ratio_vs_fd"),
        rel = DoubleColumn.create("rel_error_vs_fd"), term = DoubleColumn.create("cosine_vs_terminal_loss");
    GradientMethod exact = DiscreteAdjoint.defaults();
    GradientMethod terminal = DiscreteAdjoint.defaults().withWindowLoss(WindowLoss.paper().withTerminalOnly(true));
    Map<String, GradientMethod> methods = new LinkedHashMap<>();
    methods.put("exact adjoint", exact);
    methods.put("backprop", Backprop.defaults());
    methods.put("authors (no 1/B)", AuthorsGradient.defaults().withExtraBatchFactor(false));
    for (int t = 0; t < trials; t++) {
      Mlp net = Mlp.create(MlpSpec.of(s.dof()).withHidden(16, 32, 16).withPrecision(Precision.FLOAT64).withSeed(1000 + t));
      Trajectories w = s.trajectories(rows).points(7).noise(0.01).seed(2000 + t).trajectories();
      double[] fd = finiteDifference(exact, net, w);
      double[] gt = new double[net.parameterCount()];
      terminal.lossAndGradient(net, w, gt);
      for (var e : methods.entrySet()) {
        double[] g = new double[net.parameterCount()];
        e.getValue().lossAndGradient(net, w, g);
        method.append(e.getKey());
        trial.append(t);
        cos.append(cosine(g, fd));
        ratio.append(norm(g) / norm(fd));
        rel.append(distance(g, fd) / norm(fd));
        term.append(cosine(g, gt));
      }
    }
    return Table.create("Gradient check on " + s.name() + " (" + trials + " random nets, " + rows + " windows)",
        method, trial, cos, ratio, rel, term);
  }

  private static double[] finiteDifference(GradientMethod m, Mlp net, Trajectories w) {
    double[] th = net.parameters(), g = new double[th.length];
    for (int i = 0; i < th.length; i++) {
      double keep = th[i], eps = 1e-5 * Math.max(1, Math.abs(keep));
      th[i] = keep + eps;
      net.parametersChanged();
      double up = m.loss(net, w);
      th[i] = keep - eps;
      net.parametersChanged();
      double down = m.loss(net, w);
      th[i] = keep;
      net.parametersChanged();
      g[i] = (up - down) / (2 * eps);
    }
    return g;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double cosine(double[] a, double[] b) {
    return dot(a, b) / (norm(a) * norm(b));
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
    return Math.sqrt(s);
  }

  // ---- memory (paper.md §10)

  /**
   * Memory and time of one gradient against the window length L (paper.md §10 protocol, B =
   * {@code rows}, 16-32-16 tanh, float64), for the reversible adjoint (no stored states), the
   * adjoint with all states stored, and backprop. Bytes are the engine's count of what the method
   * holds ({@link GradientMethod#retainedDoubles}), allocated bytes those the JVM saw allocated during
   * the measured {@link GradientMethod#memory} call, after one unmeasured warm-up gradient per method;
   * seconds the fastest of {@code reps} runs, the first being the measured call (machine load makes
   * single timings noisy).
   */
  public static Table gradientMemory(HamiltonianSystem s, int rows, int reps, int... lengths) {
    Map<String, GradientMethod> methods = new LinkedHashMap<>();
    methods.put("reversible_adjoint", DiscreteAdjoint.defaults());
    methods.put("stored_adjoint", DiscreteAdjoint.defaults().withCheckpoints(Checkpoints.all()));
    methods.put("backprop", Backprop.defaults());
    IntColumn len = IntColumn.create("L");
    Map<String, DoubleColumn> bytes = new LinkedHashMap<>(), allocated = new LinkedHashMap<>(),
        seconds = new LinkedHashMap<>();
    for (String k : methods.keySet()) {
      bytes.put(k, DoubleColumn.create(k + "_bytes"));
      allocated.put(k, DoubleColumn.create(k + "_allocated_bytes"));
      seconds.put(k, DoubleColumn.create(k + "_seconds"));
    }
    Mlp net = Mlp.create(MlpSpec.of(s.dof()).withHidden(16, 32, 16).withPrecision(Precision.FLOAT64).withSeed(0));
    // one unmeasured gradient per method first: the allocated column then counts the algorithm, not
    // first-use class loading and the JIT's warm-up
    Trajectories first = s.trajectories(rows).points(2).noise(0.01).seed(3).trajectories();
    for (GradientMethod m : methods.values()) {
      m.lossAndGradient(net, first, new double[net.parameterCount()]);
    }
    for (int l : lengths) {
      if (l < 1) throw new IllegalArgumentException("window lengths must be ≥ 1 step, got " + l);
      Trajectories w = s.trajectories(rows).points(l + 1).noise(0.01).seed(3).trajectories();
      len.append(l);
      for (var e : methods.entrySet()) {
        long t0 = System.nanoTime();
        MemoryUse mu = e.getValue().memory(net, w);
        double best = (System.nanoTime() - t0) / 1e9;
        bytes.get(e.getKey()).append(mu.retainedBytes());
        allocated.get(e.getKey()).append(mu.allocatedBytes());
        double[] g = new double[net.parameterCount()];
        for (int r = 1; r < reps; r++) {
          long t1 = System.nanoTime();
          e.getValue().lossAndGradient(net, w, g);
          best = Math.min(best, (System.nanoTime() - t1) / 1e9);
        }
        seconds.get(e.getKey()).append(best);
      }
    }
    Table t = Table.create("Gradient memory and time vs window length L (" + s.name() + ", B = " + rows + ")", len);
    bytes.values().forEach(t::addColumns);
    seconds.values().forEach(t::addColumns);
    allocated.values().forEach(t::addColumns);
    return t;
  }
}

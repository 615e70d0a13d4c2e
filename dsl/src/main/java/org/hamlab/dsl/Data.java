package org.hamlab.dsl;

import java.nio.file.Path;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.dsl.io.TrajectoryCsv;
import org.hamlab.engine.data.Trajectories;
import tech.tablesaw.api.Table;

/**
 * A set of trajectories: generated from a true system ({@code dw.trajectories(16384).noise(0.01)})
 * or read from CSV ({@code loadData("dw.csv")}). Immutable; generated data is computed once, on
 * first use, from its configuration, which is kept for provenance.
 *
 * <p>Defaults follow paper.md §3.1: implicit midpoint with dt = 0.01, initial states uniform in
 * [−2, 2]² ([−0.3, 0.3]⁴ for Hénon–Heiles), Gaussian noise σ = 0.01 on every point except t = 0
 * (the clean initial state is kept, as the authors do). The paper generates T = 20 time units
 * but trains on the first 7 points only (paper.md §5.1), so 7 points are the default here;
 * {@code .duration(20)} gives the full horizon. Noise is drawn per trajectory and point in order,
 * so the first points are the same whatever the length.
 */
public final class Data implements Displayable {
  private final DataConfig config;
  private final HamiltonianSystem system;
  private final Lazy<Trajectories> trajectories;

  private Data(DataConfig config, HamiltonianSystem system, Lazy<Trajectories> trajectories) {
    this.config = config;
    this.system = system;
    this.trajectories = trajectories;
  }

  static Data generated(HamiltonianSystem system, int count) {
    if (count < 1) throw new IllegalArgumentException("count must be ≥ 1 trajectory, got " + count + " (the paper uses 16384)");
    DataConfig c = new DataConfig();
    c.system = system.name();
    c.count = count;
    c.box = system.defaultBox();
    return generated(c, system);
  }

  static Data generated(DataConfig c, HamiltonianSystem system) {
    DataConfig frozen = c.copy();
    return new Data(frozen, system, new Lazy<>(() -> EngineBridge.generate(system, frozen)));
  }

  /** Data computed on first use by {@code generator}, {@code c} recorded (the baselines' data sets). */
  static Data lazy(DataConfig c, HamiltonianSystem system, java.util.function.Supplier<Trajectories> generator) {
    return new Data(c.copy(), system, new Lazy<>(generator));
  }

  static Data fromFile(Trajectories t, HamiltonianSystem system, DataConfig c) {
    if (system != null && system.dof() != t.dof()) {
      throw new IllegalArgumentException(c.file + " has " + t.dof() + " degree(s) of freedom but " + system.name()
          + " has " + system.dof() + "; give the system the data came from");
    }
    return new Data(c, system, Lazy.of(t));
  }

  /** Data in memory (user code, tests); {@code system} may be null when unknown. */
  public static Data of(Trajectories t, HamiltonianSystem system) {
    DataConfig c = new DataConfig();
    c.source = "memory";
    c.system = system == null ? "" : system.name();
    c.count = t.count();
    c.points = t.points();
    c.dt = t.dt();
    c.noise = Double.NaN;
    return fromFile(t, system, c);
  }

  private Data with(String option, java.util.function.Consumer<DataConfig> change) {
    if (!config.source.equals("generated")) {
      throw new IllegalStateException("." + option + "(...) configures generated data, but this data was read from "
          + (config.file.isEmpty() ? "memory" : config.file) + "; generate with system(...).trajectories(n)." + option + "(...)");
    }
    DataConfig c = config.copy();
    change.accept(c);
    return generated(c, system);
  }

  /** Standard deviation σ ≥ 0 of the Gaussian noise on every point but t = 0 (paper default 0.01). */
  public Data noise(double sigma) {
    if (!(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("noise σ must be finite and ≥ 0, got " + sigma + " (0 gives clean data; the paper uses 0.01)");
    }
    return with("noise", c -> c.noise = sigma);
  }

  /** Points per trajectory including t = 0 (≥ 2). */
  public Data points(int n) {
    if (n < 2) throw new IllegalArgumentException("points must be ≥ 2 (t = 0 and at least one step), got " + n);
    return with("points", c -> c.points = n);
  }

  /** Horizon T: {@code round(T/dt) + 1} points. */
  public Data duration(double t) {
    if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("duration must be finite and > 0, got " + t);
    long n = Math.round(t / config.dt) + 1;
    if (n > 1_000_000) throw new IllegalArgumentException("duration " + t + " at dt = " + config.dt + " is " + n + " points; use fewer");
    return with("duration", c -> c.points = (int) n);
  }

  /** Time step of the ground-truth integrator and between stored points (paper 0.01). */
  public Data dt(double h) {
    if (!(h > 0) || !Double.isFinite(h)) throw new IllegalArgumentException("dt must be finite and > 0, got " + h + " (the paper uses 0.01)");
    return with("dt", c -> c.dt = h);
  }

  /** Initial states uniform in [−halfWidth, halfWidth]^(2d). */
  public Data box(double halfWidth) {
    if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
      throw new IllegalArgumentException("box half-width must be finite and > 0, got " + halfWidth + " (the paper uses 2)");
    }
    return with("box", c -> c.box = halfWidth);
  }

  /** Seed of the initial states and the noise. */
  public Data seed(long seed) {
    return with("seed", c -> c.seed = seed);
  }

  /** The true system, or null when unknown (data read from a file without one). */
  public HamiltonianSystem system() {
    return system;
  }

  HamiltonianSystem requireSystem(String why) {
    if (system == null) {
      throw new IllegalStateException(why + " needs the true system, but this data has none; read it with "
          + "loadData(path, system(\"...\"))");
    }
    return system;
  }

  public int count() { return config.count; }

  public int points() { return config.points; }

  public double dt() { return config.dt; }

  public double noise() { return config.noise; }

  public long seed() { return config.seed; }

  DataConfig config() {
    return config;
  }

  /** The engine's data (generated on first use). */
  public Trajectories trajectories() {
    return trajectories.get();
  }

  /** One row per observation: trajectory, t, q.., p.. (as in the CSV format). */
  public Table table() {
    return TrajectoryCsv.table(trajectories(), "trajectories");
  }

  /** Writes the CSV format ({@link TrajectoryCsv}); returns the path. */
  public Path save(String path) {
    return TrajectoryCsv.write(trajectories(), Path.of(path));
  }

  @Override
  public Map<String, String> mimeBundle() {
    return Provenance.withProvenance(toString(), provenance());
  }

  Provenance provenance() {
    return Provenance.of(Data.class.getName(), "data", config.getProvenance(), Map.of(), null);
  }

  @Override
  public String toString() {
    String what = config.count + " trajectories × " + config.points + " points, dt = " + config.dt;
    String sys = system == null ? "unknown system" : system.name();
    return switch (config.source) {
      case "generated" -> "Data: " + what + " of " + sys + ", noise σ = " + config.noise + ", initial states ~ U[−"
          + config.box + ", " + config.box + "]^" + 2 * (system == null ? 1 : system.dof()) + ", seed " + config.seed
          + (trajectories.done() ? "" : " (generated on first use)");
      case "file" -> "Data: " + what + " of " + sys + ", read from " + config.file;
      case BaselineDataSets.NSSNN_SOURCE, BaselineDataSets.SHNN_SOURCE -> "Data: " + config.count + " one-step pairs, h = "
          + config.dt + ", of " + sys + " as the " + config.source.replace("-data", "").toUpperCase(java.util.Locale.ROOT)
          + " authors made them (paper.md §3.3; " + config.integrator + ", noise std " + config.noise + ", box ±"
          + config.box + ", seed " + config.seed + ")";
      default -> "Data: " + what + " of " + sys;
    };
  }
}

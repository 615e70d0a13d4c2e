package org.hamlab.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hamlab.dsl.display.Progress;
import org.hamlab.dsl.display.TerminalProgress;
import org.hamlab.dsl.io.TrajectoryCsv;
import org.hamlab.dsl.plot.Figure;
import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.metric.EnergyDrift;
import org.hamlab.engine.metric.HamiltonianError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The hamlab DSL: {@code import static org.hamlab.dsl.Hamlab.*;} gives every verb, the same in
 * JShell, scripts and notebooks.
 *
 * <pre>{@code
 * var dw = system("double-well");                       // or system("p^2/2 + q^4/4 - q^2/2")
 * var data = dw.trajectories(16384).noise(0.01);         // paper.md §3.1 defaults otherwise
 * var model = train(data);                               // paper.md §5.1 defaults; .epochs(5) etc.
 * var orbit = rollout(model, state(1.0, 0.5), 10.0);
 * plot(orbit, rollout(dw, state(1.0, 0.5), 10.0)).save("phase.html");
 * hamiltonianError(model, dw, uniform(100_000));         // mean ± SEM, paper.md §8.1
 * }</pre>
 *
 * Every result is immutable and prints a readable summary. Required arguments go in the verb;
 * options are chained ({@code .epochs(5)}, {@code .noise(0.02)}, {@code .title("…")}).
 */
public final class Hamlab {
  static {
    TerminalProgress.installIfTerminal();
  }

  private Hamlab() {}

  // ---- systems, states, data

  /** A named system ({@code "double-well"}, …) or a formula in q, p ({@code "p^2/2 + q^4/4 - q^2/2"}). */
  public static HamiltonianSystem system(String nameOrFormula) {
    return HamiltonianSystem.of(nameOrFormula);
  }

  /** A phase-space point (q_1..q_d, p_1..p_d): {@code state(1.0, 0.5)}. */
  public static State state(double... z) {
    return new State(z);
  }

  /** Trajectories from a CSV file (trajectory, t, q.., p..), system unknown. */
  public static Data loadData(String path) {
    return loadData(path, null);
  }

  /** Trajectories from a CSV file of the given true system. */
  public static Data loadData(String path, HamiltonianSystem system) {
    Path p = Path.of(path);
    Trajectories t = TrajectoryCsv.read(p);
    DataConfig c = new DataConfig();
    c.source = "file";
    c.file = p.toAbsolutePath().toString();
    c.fileHash = com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil.hashResource(
        com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil.HashType.SHA256, p);
    c.system = system == null ? "" : system.name();
    c.count = t.count();
    c.points = t.points();
    c.dt = t.dt();
    c.noise = Double.NaN;
    return Data.fromFile(t, system, c);
  }

  // ---- training and models

  /** A model trained on {@code data} with the paper's defaults; chain options: {@code .epochs(5)}. */
  public static Model train(Data data) {
    if (data == null) throw new IllegalArgumentException("train needs data, e.g. train(system(\"double-well\").trajectories(1024))");
    return Model.of(data);
  }

  /** A model saved with {@code model.save(path)}. */
  public static Model loadModel(String path) {
    return ModelFiles.read(Path.of(path), null);
  }

  /** A model saved with {@code model.save(path)}; fails unless it was trained on {@code system}. */
  public static Model loadModel(String path, HamiltonianSystem system) {
    return ModelFiles.read(Path.of(path), system);
  }

  /** The training recorded in {@code provenance}, to run again (bitwise the same weights). */
  public static Model retrain(Provenance provenance) {
    TrainConfig c = provenance.trainConfig();
    if (c == null) throw new IllegalArgumentException("this provenance records no training (it is of data or a result)");
    return Model.of(dataFrom(c.data), c);
  }

  private static Data dataFrom(DataConfig c) {
    HamiltonianSystem s = c.system.isEmpty() ? null : HamiltonianSystem.of(c.system);
    if (c.source.equals("generated")) return Data.generated(c, s);
    if (c.source.equals(BaselineDataSets.NSSNN_SOURCE) || c.source.equals(BaselineDataSets.SHNN_SOURCE)) {
      return BaselineDataSets.from(c, s);
    }
    if (c.source.equals("file")) {
      Data d = loadData(c.file, s);
      if (!d.config().fileHash.equals(c.fileHash)) {
        throw new IllegalStateException(c.file + " has changed since the model was trained (SHA-256 differs)");
      }
      return d;
    }
    throw new IllegalArgumentException("the training data was in memory only, so it cannot be recreated");
  }

  /**
   * Many trainings of {@code base} at once: {@code sweep(train(data)).over("lr", 1e-3, 1e-2).seeds(10).run()}
   * gives a table (one row per run), the models and a figure; {@code .on("local[2]")} runs on Spark.
   */
  public static org.hamlab.dsl.sweep.Sweep sweep(Model base) {
    return org.hamlab.dsl.sweep.Sweep.of(base);
  }

  // ---- rollouts

  /** The learned flow from {@code z0} for {@code duration} time units (the model's integrator and dt). */
  public static Orbit rollout(Model model, State z0, double duration) {
    return Orbit.of("learned", true, model.hamiltonian(), z0, duration, model.config().data.dt, model.config().integrator);
  }

  /** The true flow from {@code z0} for {@code duration} time units (implicit midpoint, dt = 0.01). */
  public static Orbit rollout(HamiltonianSystem system, State z0, double duration) {
    return Orbit.of(system.name(), false, system.hamiltonian(), z0, duration, 0.01, "implicit-midpoint");
  }

  // ---- evaluation

  /** The 30×30 grid of paper.md §8.2. */
  public static TestPoints grid() {
    return TestPoints.of("grid", 30);
  }

  /** A side×side grid on the system's box. */
  public static TestPoints grid(int side) {
    return TestPoints.of("grid", side);
  }

  /** {@code n} points uniform on the system's box (paper 100 000). */
  public static TestPoints uniform(int n) {
    return TestPoints.of("uniform", n);
  }

  /** {@code n} points from N(0, I) on the plotted plane (paper 100 000; std 0.5 for Hénon–Heiles). */
  public static TestPoints gaussian(int n) {
    return TestPoints.of("gaussian", n);
  }

  /** Offset-corrected Hamiltonian error of {@code model} against {@code system}, mean ± SEM (paper.md §8.1). */
  public static ErrorEstimate hamiltonianError(Model model, HamiltonianSystem system, TestPoints points) {
    requireSameSystem(model, system);
    TestSet set = points.resolve(system);
    return new ErrorEstimate(model, system, set, HamiltonianError.compute(model.hamiltonian(), system.hamiltonian(), set));
  }

  /**
   * Energy drift of the learned flow: rollouts from the points of {@code starts} for {@code
   * duration}, measured with the true H (paper.md §8.3).
   */
  public static Drift energyDrift(Model model, HamiltonianSystem system, TestPoints starts, double duration) {
    requireSameSystem(model, system);
    return drift("learned " + model.label(), model.hamiltonian(), model.config().integrator,
        model.config().data.dt, system, starts, duration);
  }

  /** Energy drift of the true flow under the ground-truth integrator (a baseline for the learned one). */
  public static Drift energyDrift(HamiltonianSystem system, TestPoints starts, double duration) {
    return drift(system.name() + " (implicit midpoint)", system.hamiltonian(), "implicit-midpoint", 0.01, system, starts, duration);
  }

  private static Drift drift(String label, org.hamlab.engine.system.Hamiltonian dynamics, String integrator, double dt,
      HamiltonianSystem truth, TestPoints starts, double duration) {
    if (!(duration > 0) || !Double.isFinite(duration)) throw new IllegalArgumentException("duration must be finite and > 0, got " + duration);
    long steps = Math.round(duration / dt);
    if (steps > 10_000_000) throw new IllegalArgumentException("duration " + duration + " is " + steps + " steps; choose a shorter one");
    TestSet set = starts.resolve(truth);
    int every = (int) Math.max(1, steps / 1000);
    int s = (int) (steps / every * every);
    return new Drift(label, EnergyDrift.compute(dynamics, truth.hamiltonian(), EngineBridge.integrator(integrator), dt, s,
        every, set.states(), set.count()));
  }

  /**
   * One row per model: configuration, final loss and the Hamiltonian error (mean and SEM) on the
   * three test sets of paper.md §8.2 against {@code system}.
   */
  public static Table compare(HamiltonianSystem system, Model... models) {
    if (models.length == 0) throw new IllegalArgumentException("compare needs at least one model");
    StringColumn name = StringColumn.create("model"), grad = StringColumn.create("gradient"),
        integ = StringColumn.create("integrator");
    IntColumn epochs = IntColumn.create("epochs");
    DoubleColumn loss = DoubleColumn.create("final_loss");
    List<DoubleColumn> err = new ArrayList<>();
    List<TestPoints> sets = List.of(grid(), uniform(100_000), gaussian(100_000));
    for (TestPoints t : sets) {
      err.add(DoubleColumn.create(t.kind() + "_error"));
      err.add(DoubleColumn.create(t.kind() + "_sem"));
    }
    for (Model m : models) {
      requireSameSystem(m, system);
      name.append(m.label());
      grad.append(m.method().equals(Baselines.OURS) ? m.config().gradient : m.method());
      integ.append(m.config().integrator);
      epochs.append(m.config().epochs);
      Table h = m.history();
      loss.append(h.rowCount() == 0 ? Double.NaN : h.doubleColumn("loss").get(h.rowCount() - 1));
      for (int i = 0; i < sets.size(); i++) {
        ErrorEstimate e = hamiltonianError(m, system, sets.get(i));
        err.get(2 * i).append(e.mean());
        err.get(2 * i + 1).append(e.sem());
      }
    }
    Table t = Table.create("comparison on " + system.name(), name, grad, integ, epochs, loss);
    err.forEach(t::addColumns);
    return t;
  }

  private static void requireSameSystem(Model model, HamiltonianSystem system) {
    HamiltonianSystem own = model.system();
    if (own != null && !own.equals(system)) {
      throw new IllegalArgumentException("this model was trained on " + own.name() + ", not " + system.name()
          + "; evaluate it against system(\"" + own.name() + "\")");
    }
    if (model.hamiltonian().dof() != system.dof()) {
      throw new IllegalArgumentException("the model has " + model.hamiltonian().dof() + " degree(s) of freedom, "
          + system.name() + " has " + system.dof());
    }
  }

  /**
   * Memory of one gradient computation against the trajectory length (paper.md §10): one row per
   * number of steps, one column per gradient method, in MB, for this model's size and batch. The
   * values are the engine's count of the doubles each method keeps ({@code
   * GradientMethod.retainedDoubles}); plot them with {@code memoryPlot(table, "steps")}.
   */
  public static Table memoryUse(Model model, int... steps) {
    if (steps.length == 0) throw new IllegalArgumentException("give trajectory lengths in steps, e.g. memoryUse(model, 10, 100, 1000)");
    IntColumn n = IntColumn.create("steps");
    List<DoubleColumn> cols = new ArrayList<>();
    for (String g : EngineBridge.gradientNames()) cols.add(DoubleColumn.create(g + "_mb"));
    int dof = model.hamiltonian().dof(), params = model.hamiltonian().parameterCount();
    for (int s : steps) {
      if (s < 1) throw new IllegalArgumentException("steps must be ≥ 1, got " + s);
      n.append(s);
      for (int i = 0; i < cols.size(); i++) {
        long doubles = org.hamlab.engine.adjoint.GradientMethods.byName(EngineBridge.gradientNames().get(i))
            .retainedDoubles(dof, model.config().batch, s, params);
        cols.get(i).append(doubles * 8.0 / 1e6);
      }
    }
    Table t = Table.create("memory per gradient, batch " + model.config().batch, n);
    cols.forEach(t::addColumns);
    return t;
  }

  // ---- provenance

  /** Where {@code x} (a Data, Model or ErrorEstimate) came from: full configuration and versions. */
  public static Provenance provenance(Object x) {
    return switch (x) {
      case Model m -> m.provenance();
      case Data d -> d.provenance();
      case ErrorEstimate e -> e.provenance();
      case null -> throw new IllegalArgumentException("provenance(null): give a Data, Model or ErrorEstimate");
      default -> throw new IllegalArgumentException("no provenance for a " + x.getClass().getSimpleName()
          + "; give a Data, Model or ErrorEstimate");
    };
  }

  // ---- figures

  /** Phase portrait of the orbits (learned dashed, true solid): {@code plot(orbit, rollout(dw, z0, 10.0))}. */
  public static Figure plot(Orbit first, Orbit... more) {
    List<Orbit> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    int dof = first.dof();
    for (Orbit o : all) {
      if (o.dof() != dof) throw new IllegalArgumentException("orbits of different dimension cannot share a phase portrait");
    }
    return Figures.phase(all);
  }

  /** Loss curves of the models (log y). */
  public static Figure plot(Model first, Model... more) {
    List<Model> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return Figures.loss(all);
  }

  /** The first 100 trajectories of the data in the phase plane. */
  public static Figure plot(Data data) {
    return Figures.data(data, 100);
  }

  /** Hamiltonian-error map (log colour, bands 1e-4…1; random sets binned 60×60, paper.md §8.3). */
  public static Figure plot(ErrorEstimate error) {
    return Figures.errorMap(error);
  }

  /** Energy drift curves (log y). */
  public static Figure plot(Drift first, Drift... more) {
    List<Drift> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return Figures.drift(all);
  }

  /** Lines of every numeric column against column {@code x}, e.g. a training history or a benchmark table. */
  public static Figure plot(Table table, String x) {
    return Figures.lines(table.name(), table, x, false);
  }

  /** q(t) and p(t) of the orbits. */
  public static Figure timeSeries(Orbit first, Orbit... more) {
    List<Orbit> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return Figures.timeSeries(all);
  }

  /** True vs learned vector field on a 30×30 grid, as segments (paper.md §8.3). */
  public static Figure vectorField(Model model, HamiltonianSystem system) {
    requireSameSystem(model, system);
    return Figures.vectorField(model, system, 30);
  }

  /** The Hamiltonian-error map of {@code model} on {@code points} (same as {@code plot(hamiltonianError(…))}). */
  public static Figure errorMap(Model model, HamiltonianSystem system, TestPoints points) {
    return Figures.errorMap(hamiltonianError(model, system, points));
  }

  /** H_θ along 6 true trajectories of {@code data}, against H_true + offset (paper.md §8.3). */
  public static Figure energyAlong(Model model, Data data) {
    return Figures.energyAlong(model, data, 6);
  }

  /**
   * Memory against trajectory length (paper.md §10): {@code table} has the length in column
   * {@code x} and one numeric column per method (e.g. adjoint_mb, backprop_mb).
   */
  public static Figure memoryPlot(Table table, String x) {
    return Figures.lines("Memory vs trajectory length", table, x, true);
  }

  /** Installs the terminal progress bar (the default when a terminal or {@code -Dhamlab.progress=terminal}). */
  public static void progressInTerminal() {
    Progress.install(new TerminalProgress());
  }

  /** Turns progress reporting off. */
  public static void quiet() {
    Progress.install(Progress.quiet());
  }
}

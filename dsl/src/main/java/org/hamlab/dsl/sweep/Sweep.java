package org.hamlab.dsl.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hamlab.dsl.Model;
import org.hamlab.dsl.RunOptions;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.dsl.display.Progress;
import org.hamlab.dsl.display.ProgressSink;
import org.hamlab.engine.random.Seeds;

/**
 * Many training runs of one configuration: grids and lists of values for any option, random
 * draws, and seeds. Immutable; every option returns a copy.
 *
 * <pre>{@code
 * var r = sweep(train(data).epochs(5))
 *     .over("lr", 1e-3, 1e-2)                          // a list of values: one grid axis
 *     .over("widths", new int[] {16, 32, 16}, new int[] {64, 64})
 *     .logUniform("noise", 1e-3, 1e-1).draws(4)      // random axes, 4 draws per grid point
 *     .seeds(10)                                     // training seeds 0..9 (error bars)
 *     .output("sweeps/dw")                           // written as runs finish; re-running resumes
 *     .run();                                        // in-process; .on("local[2]") for Spark
 * r.table();  r.plot("h_error", "lr");
 * }</pre>
 *
 * Option names are those of {@link RunOptions} ({@code lr}, {@code widths}/{@code hidden},
 * {@code noise}, {@code integrator}, {@code gradient}, {@code system}, …). Runs are the grid
 * (first axis outermost) × draws × seeds. Each run is described by its {@link RunSpec} JSON and
 * executed by {@link RunTask}, so it gives bitwise the same model in-process and on Spark.
 */
public final class Sweep implements Displayable {
  /**
   * Runs at once in-process by default: two runs sharing the engine's threads were 1.6× faster than
   * one at a time for tiny runs and as fast for larger ones (BENCHMARKS.md "Sweeps").
   */
  static final int DEFAULT_PARALLEL = 2;

  private record Axis(String name, List<Object> values) {}

  private record Random(String name, String kind, double a, double b) {}

  // Never changed once a Sweep is returned: every option works on a copy (with).
  private final Model base;
  private List<Axis> axes = List.of();
  private List<Random> randoms = List.of();
  private int draws;
  private long drawSeed;
  private List<Long> seeds;
  private String test = "grid:30";
  private String master;
  private int threadsPerRun = 1;
  private int parallel = DEFAULT_PARALLEL;
  private String javaHome;
  private String executorMemory;
  private Map<String, String> conf = Map.of();
  private Path output;

  private Sweep(Model base) {
    this.base = base;
  }

  /** A sweep whose runs all start from {@code base} (an untrained or trained model of generated or file data). */
  public static Sweep of(Model base) {
    if (base == null) throw new IllegalArgumentException("sweep needs a model, e.g. sweep(train(system(\"double-well\").trajectories(1024)))");
    RunOptions.of(base);
    return new Sweep(base);
  }

  private Sweep with(java.util.function.Consumer<Sweep> change) {
    Sweep x = new Sweep(base);
    x.axes = axes;
    x.randoms = randoms;
    x.draws = draws;
    x.drawSeed = drawSeed;
    x.seeds = seeds;
    x.test = test;
    x.master = master;
    x.threadsPerRun = threadsPerRun;
    x.parallel = parallel;
    x.javaHome = javaHome;
    x.executorMemory = executorMemory;
    x.conf = conf;
    x.output = output;
    change.accept(x);
    return x;
  }

  // ---- what to run

  /**
   * A grid axis: option {@code name} takes each of {@code values} in turn, e.g. {@code
   * over("lr", 1e-3, 1e-2)}, {@code over("widths", new int[] {16, 32, 16}, List.of(64, 64))},
   * {@code over("integrator", "implicit-midpoint")}. Each value is checked now, as the option's
   * DSL method would check it.
   */
  public Sweep over(String name, Object... values) {
    String n = RunOptions.canonical(name);
    if (values.length == 0) throw new IllegalArgumentException("over(\"" + name + "\") needs at least one value");
    if (axes.stream().anyMatch(a -> a.name().equals(n)) || randoms.stream().anyMatch(r -> r.name().equals(n))) {
      throw new IllegalArgumentException("option " + n + " is already swept; give all its values in one over(...)");
    }
    List<Object> vs = new ArrayList<>();
    for (Object v : values) vs.add(RunOptions.normalize(n, v));
    Sweep s = with(x -> x.axes = append(axes, new Axis(n, vs)));
    for (Object v : vs) {
      Map<String, Object> o = s.baseOptions();
      o.put(n, v);
      fixSystemDefaults(o, n);
      RunOptions.model(o);
    }
    return s;
  }

  /** A random axis: option {@code name} drawn uniformly from [a, b) in each of the {@link #draws} draws. */
  public Sweep uniform(String name, double a, double b) {
    return random(name, "uniform", a, b);
  }

  /** A random axis drawn log-uniformly from [a, b) (a &gt; 0), the usual choice for learning rates. */
  public Sweep logUniform(String name, double a, double b) {
    if (!(a > 0)) throw new IllegalArgumentException("logUniform needs a > 0, got " + a);
    return random(name, "log-uniform", a, b);
  }

  private Sweep random(String name, String kind, double a, double b) {
    String n = RunOptions.canonical(name);
    if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException(kind + " range of " + n + " must be finite with a < b, got [" + a + ", " + b + ")");
    }
    if (!List.of("dt", "noise", "box", "learningRate").contains(n)) {
      throw new IllegalArgumentException("random draws are for real-valued options (dt, noise, box, learningRate), not "
          + n + "; sweep it with over(\"" + n + "\", ...)");
    }
    if (axes.stream().anyMatch(x -> x.name().equals(n)) || randoms.stream().anyMatch(r -> r.name().equals(n))) {
      throw new IllegalArgumentException("option " + n + " is already swept");
    }
    return with(x -> {
      x.randoms = append(randoms, new Random(n, kind, a, b));
      x.draws = Math.max(draws, 1);
    });
  }

  /** Number of random draws of the random axes per grid point (draw i from {@code Seeds.stream(seed, "sweep-draw", i)}). */
  public Sweep draws(int n) {
    return draws(n, 0);
  }

  /** {@link #draws(int)} with the seed of the draws. */
  public Sweep draws(int n, long seed) {
    if (n < 1) throw new IllegalArgumentException("draws must be ≥ 1, got " + n);
    if (randoms.isEmpty()) throw new IllegalStateException("draws(n) samples the random axes; add one first, e.g. .logUniform(\"lr\", 1e-4, 1e-1)");
    return with(x -> {
      x.draws = n;
      x.drawSeed = seed;
    });
  }

  /** Trains every configuration with seeds 0 … count−1 (initial weights and minibatch order). */
  public Sweep seeds(int count) {
    if (count < 1) throw new IllegalArgumentException("seeds must be ≥ 1, got " + count);
    List<Long> s = new ArrayList<>();
    for (long i = 0; i < count; i++) s.add(i);
    return seedList(s);
  }

  /** Trains every configuration with each of these seeds. */
  public Sweep seeds(long first, long... more) {
    List<Long> s = new ArrayList<>(List.of(first));
    for (long m : more) s.add(m);
    return seedList(s);
  }

  private Sweep seedList(List<Long> s) {
    if (axes.stream().anyMatch(a -> a.name().equals("seed"))) {
      throw new IllegalArgumentException("seed is already an axis (over(\"seed\", ...)); use one or the other");
    }
    return with(x -> x.seeds = List.copyOf(s));
  }

  /** The test set of the Hamiltonian error: "grid" (side 30 by default), "uniform" or "gaussian", with its size. */
  public Sweep testSet(String kind, int size) {
    RunTask.testPoints(kind + ":" + size);
    return with(x -> x.test = kind + ":" + size);
  }

  // ---- where and how

  /**
   * Runs on Apache Spark: {@code "local[2]"}, {@code "local-cluster[2,1,1024]"} or {@code
   * "spark://host:7077"}. Needs the optional hamlab-spark module, built once with {@code ./hamlab
   * build --spark}; it need not be on the class path: the DSL loads it from its build folder
   * ({@link SweepRunner#find}).
   */
  public Sweep on(String master) {
    if (master == null || master.isBlank()) throw new IllegalArgumentException("give a Spark master, e.g. \"local[2]\"");
    return with(x -> x.master = master.strip());
  }

  /** Back to running in this JVM (the default). */
  public Sweep inProcess() {
    return with(x -> x.master = null);
  }

  /**
   * Runs at once in this JVM (default 2; each uses the engine's shared threads, so 1 runs them one
   * after another on all threads). The results do not depend on it.
   */
  public Sweep parallel(int runs) {
    if (runs < 1) throw new IllegalArgumentException("parallel must be ≥ 1, got " + runs);
    return with(x -> x.parallel = runs);
  }

  /** Engine threads per run on Spark executors; also {@code spark.task.cpus} (default 1, distributed.md §2.6). */
  public Sweep threadsPerRun(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threadsPerRun must be ≥ 1, got " + threads);
    return with(x -> x.threadsPerRun = threads);
  }

  /** JDK of the Spark executors (≥ 25.0.3); default: this JVM's. */
  public Sweep javaHome(String path) {
    return with(x -> x.javaHome = path);
  }

  /** Heap of each Spark executor, e.g. "2g". */
  public Sweep executorMemory(String memory) {
    return with(x -> x.executorMemory = memory);
  }

  /** Any further Spark property. */
  public Sweep conf(String key, String value) {
    Map<String, String> c = new TreeMap<>(conf);
    c.put(key, value);
    return with(x -> x.conf = Map.copyOf(c));
  }

  /**
   * Writes each run's result and model under {@code dir} as it finishes (atomically); running the
   * same sweep again with the same folder skips the runs already written.
   */
  public Sweep output(String dir) {
    return with(x -> x.output = Path.of(dir));
  }

  /** Continues a sweep that wrote to {@code dir} (killed, interrupted or extended): like {@link #output}, but the folder must exist. */
  public Sweep resume(String dir) {
    if (!Files.isDirectory(Path.of(dir, "runs"))) {
      throw new IllegalArgumentException(dir + " holds no sweep results (no runs/ folder); start it with .output(\"" + dir + "\")");
    }
    return output(dir);
  }

  // ---- the runs

  /** The runs, in table order: grid (first axis outermost) × draws × seeds. */
  public List<RunSpec> specs() {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Axis a : axes) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> p : points) {
        for (Object v : a.values()) {
          Map<String, Object> q = new LinkedHashMap<>(p);
          q.put(a.name(), v);
          next.add(q);
        }
      }
      points = next;
    }
    List<RunSpec> out = new ArrayList<>();
    for (Map<String, Object> p : points) {
      for (int d = 0; d < Math.max(1, draws); d++) {
        Map<String, Object> drawn = new LinkedHashMap<>(p);
        if (!randoms.isEmpty()) {
          SplittableRandom r = Seeds.stream(drawSeed, "sweep-draw", d);
          for (Random x : randoms) {
            double u = r.nextDouble();
            drawn.put(x.name(), x.kind().equals("uniform") ? x.a() + (x.b() - x.a()) * u
                : Math.exp(Math.log(x.a()) + (Math.log(x.b()) - Math.log(x.a())) * u));
          }
        }
        for (Long seed : seeds == null ? java.util.Collections.<Long>singletonList(null) : seeds) {
          Map<String, Object> o = baseOptions();
          drawn.forEach(o::put);
          if (drawn.containsKey("system")) fixSystemDefaults(o, "system");
          if (seed != null) o.put("seed", seed);
          out.add(new RunSpec(out.size(), o, test));
        }
      }
    }
    return out;
  }

  /** Number of runs. */
  public int size() {
    return points() * Math.max(1, draws) * (seeds == null ? 1 : seeds.size());
  }

  private int points() {
    int n = 1;
    for (Axis a : axes) n *= a.values().size();
    return n;
  }

  /** The options that vary between runs, in axis order (then "seed"). */
  List<String> varied() {
    List<String> v = new ArrayList<>();
    axes.forEach(a -> v.add(a.name()));
    randoms.forEach(r -> v.add(r.name()));
    if (seeds != null) v.add("seed");
    return v;
  }

  private Map<String, Object> baseOptions() {
    return new TreeMap<>(RunOptions.of(base));
  }

  /**
   * Another system gets its own default box (Hénon–Heiles 0.3) unless the base set a box of its own
   * or the box is swept too.
   */
  private void fixSystemDefaults(Map<String, Object> o, String changed) {
    Map<String, Object> b = RunOptions.of(base);
    boolean defaultBox = b.get("box") instanceof Double box && b.get("system") instanceof String sys
        && box == RunOptions.defaultBox(sys);
    if (changed.equals("system") && defaultBox && axes.stream().noneMatch(a -> a.name().equals("box"))
        && randoms.stream().noneMatch(r -> r.name().equals("box"))) {
      o.remove("box");
    }
  }

  // ---- running

  /**
   * Runs every run not already written to the output folder (in-process, or on Spark after
   * {@link #on}), reporting runs done / running / failed and the time left to the installed
   * progress sink. A run that fails or diverges is recorded and the others go on.
   */
  public SweepResult run() {
    List<RunSpec> specs = specs();
    ResultStore store = output == null ? null : new ResultStore(output);
    RunResult[] results = new RunResult[specs.size()];
    List<RunSpec> pending = new ArrayList<>();
    Map<String, RunResult> written = store == null ? Map.of() : store.finished(specs);
    for (RunSpec s : specs) {
      RunResult r = written.get(s.id());
      if (r != null) results[s.index()] = r;
      else pending.add(s);
    }
    int skipped = specs.size() - pending.size();
    SweepRunner runner = SweepRunner.find(master);
    SweepRunner.Settings settings = new SweepRunner.Settings(master, threadsPerRun, parallel, javaHome, executorMemory,
        conf);
    ProgressSink outer = Progress.current();
    try (ProgressSink.Task task = outer.start("sweep" + (master == null ? "" : " on " + master), specs.size(), "runs")) {
      SweepProgress progress = new SweepProgress(task, results, store, pending.size(), skipped);
      Progress.install(Progress.quiet()); // the runs' own training bars would garble the sweep's
      try {
        runner.run(pending, settings, progress);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("sweep interrupted after " + (skipped + progress.done()) + " of " + specs.size()
            + " runs" + (store == null ? "" : "; the finished ones are in " + store.dir() + ", .resume(\""
            + output + "\") continues"), e);
      } finally {
        Progress.install(outer);
      }
    }
    List<RunResult> all = Arrays.asList(results);
    SweepResult result = new SweepResult(varied(), randoms.stream().map(Random::name).toList(), all,
        store == null ? null : store.dir(), skipped, master == null ? "in-process" : master);
    if (store != null) {
      store.writeText("results.csv", result.csv());
    }
    return result;
  }

  private static <T> List<T> append(List<T> list, T x) {
    List<T> l = new ArrayList<>(list);
    l.add(x);
    return l;
  }

  @Override
  public Map<String, String> mimeBundle() {
    return Map.of("text/plain", toString());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Sweep of ").append(size()).append(" runs");
    for (Axis a : axes) b.append("; ").append(a.name()).append(" ∈ ").append(a.values().stream().map(RunOptions::label).toList());
    for (Random r : randoms) b.append("; ").append(r.name()).append(" ~ ").append(r.kind()).append("[").append(r.a())
        .append(", ").append(r.b()).append(")");
    if (!randoms.isEmpty()) b.append(" × ").append(draws).append(" draws");
    if (seeds != null) b.append("; seeds ").append(seeds.size() <= 5 ? seeds.toString() : seeds.getFirst() + ".." + seeds.getLast());
    b.append("; ").append(master == null ? "in-process" : "on " + master);
    if (output != null) b.append("; output ").append(output);
    return b.append(". .run() starts it").toString();
  }
}

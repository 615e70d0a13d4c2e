package org.hamlab.dsl.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hamlab.dsl.Model;
import org.hamlab.dsl.RunOptions;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.dsl.plot.Figure;
import org.hamlab.dsl.plot.Layer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The runs of a finished sweep: a table with one row per run (the swept options, status, final
 * loss, Hamiltonian error ± SEM, epochs, wall time, where it ran, the model hash), the models, and
 * the common figure: a metric against a swept option, mean ± std over the other runs at each value
 * (the seeds), one curve per combination of the remaining options.
 */
public final class SweepResult implements Displayable {
  /** Metric columns {@link #plot} and {@link #summary} accept. */
  public static final List<String> METRICS = List.of("h_error", "final_loss", "seconds", "epochs_run", "h_error_sem");
  private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
      "#e377c2", "#17becf"};

  private final List<String> varied;
  private final List<String> drawn;
  private final List<RunResult> results;
  private final Path dir;
  private final int skipped;
  private final String where;
  private final Model[] models;

  SweepResult(List<String> varied, List<String> drawn, List<RunResult> results, Path dir, int skipped, String where) {
    this.varied = List.copyOf(varied);
    this.drawn = List.copyOf(drawn);
    this.results = List.copyOf(results);
    this.dir = dir;
    this.skipped = skipped;
    this.where = where;
    this.models = new Model[results.size()];
  }

  /** Every run's result, in table order. */
  public List<RunResult> results() {
    return results;
  }

  /** Result of run {@code i} (table row). */
  public RunResult result(int i) {
    return results.get(i);
  }

  /** Runs that were already written in the output folder and were not run again. */
  public int skipped() {
    return skipped;
  }

  /** Runs that did not finish normally ("failed" or "diverged"). */
  public List<RunResult> failures() {
    return results.stream().filter(r -> !r.ok()).toList();
  }

  /** The output folder, or null. */
  public Path folder() {
    return dir;
  }

  /**
   * The model of run {@code i}: the live one when it ran in this JVM, else read from the model file
   * the run sent back; null when the run failed.
   */
  public synchronized Model model(int i) {
    if (models[i] != null) return models[i];
    RunResult r = results.get(i);
    if (r.model() != null) return models[i] = r.model();
    if (r.modelJson().isEmpty()) return null;
    try {
      Path f = dir != null && Files.isRegularFile(dir.resolve("models").resolve(r.spec().id() + ".json"))
          ? dir.resolve("models").resolve(r.spec().id() + ".json") : temp(r);
      return models[i] = RunOptions.readModel(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temp(RunResult r) throws IOException {
    Path f = Files.createTempFile("hamlab-run-" + r.spec().id(), ".json");
    f.toFile().deleteOnExit();
    Files.writeString(f, r.modelJson(), StandardCharsets.UTF_8);
    return f;
  }

  /** Every model in table order (null for failed runs). */
  public List<Model> models() {
    List<Model> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) out.add(model(i));
    return out;
  }

  /** The run with the smallest {@code metric} among those that finished normally. */
  public RunResult best(String metric) {
    ToDoubleFunction<RunResult> f = metric(metric);
    return results.stream().filter(RunResult::ok).filter(r -> Double.isFinite(f.applyAsDouble(r)))
        .min(java.util.Comparator.comparingDouble(f))
        .orElseThrow(() -> new IllegalStateException("no run finished with a finite " + metric));
  }

  /** One row per run. */
  public Table table() {
    IntColumn run = IntColumn.create("run");
    StringColumn id = StringColumn.create("id");
    StringColumn status = StringColumn.create("status");
    DoubleColumn loss = DoubleColumn.create("final_loss"), err = DoubleColumn.create("h_error"),
        sem = DoubleColumn.create("h_error_sem"), secs = DoubleColumn.create("seconds");
    IntColumn epochs = IntColumn.create("epochs_run");
    StringColumn host = StringColumn.create("host"), hash = StringColumn.create("model_sha256"),
        error = StringColumn.create("error");
    for (RunResult r : results) {
      run.append(r.spec().index());
      id.append(r.spec().id());
      status.append(r.status());
      loss.append(r.finalLoss());
      err.append(r.hError());
      sem.append(r.hErrorSem());
      secs.append(r.seconds());
      epochs.append(r.epochsRun());
      host.append(r.host() + ":" + r.pid());
      hash.append(r.modelSha256().isEmpty() ? "" : r.modelSha256().substring(0, 16));
      error.append(r.error());
    }
    Table t = Table.create("sweep (" + results.size() + " runs, " + where + ")", run, id);
    for (String v : varied) t.addColumns(optionColumn(v));
    t.addColumns(status, loss, err, sem, epochs, secs, host, hash, error);
    return t;
  }

  private Column<?> optionColumn(String option) {
    boolean numeric = results.stream().allMatch(r -> r.spec().option(option) instanceof Number);
    if (numeric) {
      DoubleColumn c = DoubleColumn.create(option);
      results.forEach(r -> c.append(((Number) r.spec().option(option)).doubleValue()));
      return c;
    }
    StringColumn c = StringColumn.create(option);
    results.forEach(r -> c.append(RunOptions.label(r.spec().option(option))));
    return c;
  }

  /**
   * Mean, standard deviation, SEM and count of {@code metric} over the runs that finished normally,
   * for each value of option {@code by} and each combination of the other swept options except
   * the seed.
   */
  public Table summary(String metric, String by) {
    Map<String, Map<Object, List<Double>>> groups = groups(metric, by);
    StringColumn group = StringColumn.create("group"), value = StringColumn.create(RunOptions.canonical(by));
    DoubleColumn mean = DoubleColumn.create("mean"), std = DoubleColumn.create("std"), sem = DoubleColumn.create("sem");
    IntColumn n = IntColumn.create("n");
    groups.forEach((g, byValue) -> byValue.forEach((v, xs) -> {
      double[] s = stats(xs);
      group.append(g);
      value.append(RunOptions.label(v));
      mean.append(s[0]);
      std.append(s[1]);
      sem.append(s[2]);
      n.append(xs.size());
    }));
    return Table.create(metric + " by " + by, group, value, mean, std, sem, n);
  }

  /**
   * {@code metric} (h_error, final_loss, seconds, …) against option {@code by}: the mean over
   * seeds (and draws) with error bars of ± one standard deviation, one curve per combination of
   * the other swept options. A learning rate or noise spanning more than a decade is drawn against
   * its log10; non-numeric values (widths, integrators) against their position.
   */
  public Figure plot(String metric, String by) {
    String option = RunOptions.canonical(by);
    Map<String, Map<Object, List<Double>>> groups = groups(metric, option);
    List<Object> values = new ArrayList<>();
    groups.values().forEach(m -> m.keySet().forEach(v -> { if (!values.contains(v)) values.add(v); }));
    boolean numeric = values.stream().allMatch(v -> v instanceof Number);
    double lo = numeric ? values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(1) : 1;
    double hi = numeric ? values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(1) : 1;
    boolean logX = numeric && lo > 0 && hi / lo > 10;
    List<Layer> layers = new ArrayList<>();
    boolean positive = true;
    int i = 0;
    for (var g : groups.entrySet()) {
      List<double[]> pts = new ArrayList<>();
      for (var e : g.getValue().entrySet()) {
        double x = numeric ? ((Number) e.getKey()).doubleValue() : values.indexOf(e.getKey());
        double[] s = stats(e.getValue());
        pts.add(new double[] {logX ? Math.log10(x) : x, s[0], s[1]});
        positive &= s[0] - s[1] > 0;
      }
      pts.sort(java.util.Comparator.comparingDouble(p -> p[0]));
      double[] x = pts.stream().mapToDouble(p -> p[0]).toArray(), y = pts.stream().mapToDouble(p -> p[1]).toArray();
      double[] bx = new double[3 * pts.size()], by2 = new double[3 * pts.size()];
      for (int k = 0; k < pts.size(); k++) {
        double[] p = pts.get(k);
        bx[3 * k] = p[0];
        bx[3 * k + 1] = p[0];
        bx[3 * k + 2] = Double.NaN;
        by2[3 * k] = p[1] - p[2];
        by2[3 * k + 1] = p[1] + p[2];
        by2[3 * k + 2] = Double.NaN;
      }
      String color = PALETTE[i++ % PALETTE.length];
      String name = g.getKey().isEmpty() ? metric : g.getKey();
      layers.add(new Layer.Curve(name + " (mean)", x, y, Layer.Style.LINE, color));
      layers.add(new Layer.Curve(name + " (± std)", bx, by2, Layer.Style.LINE, color));
    }
    if (layers.isEmpty()) throw new IllegalStateException("no run finished with a finite " + metric + " to plot");
    String xTitle = logX ? "log10 " + option : numeric ? option
        : option + " (" + String.join(", ", values.stream().map(v -> values.indexOf(v) + " = " + RunOptions.label(v)).toList()) + ")";
    return Figure.of(metric + " against " + option + " (mean ± std over seeds" + (drawn.isEmpty() ? "" : " and draws") + ")", xTitle, metric, layers)
        .logY(positive && !metric.equals("epochs_run"));
  }

  /** {@link #plot(String, String) plot("h_error", first swept option)}. */
  public Figure plot() {
    String first = varied.stream().filter(v -> !v.equals("seed")).findFirst()
        .orElseThrow(() -> new IllegalStateException("only seeds were swept; plot(metric, \"seed\") shows them"));
    return plot("h_error", first);
  }

  /** group label (other options) → value of {@code by} → finite metric values of normal runs. */
  private Map<String, Map<Object, List<Double>>> groups(String metric, String by) {
    String option = RunOptions.canonical(by);
    if (!varied.contains(option)) {
      throw new IllegalArgumentException(option + " was not swept; swept: " + varied);
    }
    ToDoubleFunction<RunResult> f = metric(metric);
    Map<String, Map<Object, List<Double>>> groups = new LinkedHashMap<>();
    for (RunResult r : results) {
      if (!r.ok()) continue;
      double v = f.applyAsDouble(r);
      if (!Double.isFinite(v)) continue;
      List<String> label = new ArrayList<>();
      for (String o : varied) {
        if (!o.equals(option) && !o.equals("seed") && !isRandom(o)) label.add(o + " " + RunOptions.label(r.spec().option(o)));
      }
      groups.computeIfAbsent(String.join(", ", label), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.spec().option(option), k -> new ArrayList<>()).add(v);
    }
    return groups;
  }

  private boolean isRandom(String option) {
    return drawn.contains(option);
  }

  private static ToDoubleFunction<RunResult> metric(String metric) {
    return switch (metric) {
      case "h_error" -> RunResult::hError;
      case "h_error_sem" -> RunResult::hErrorSem;
      case "final_loss" -> RunResult::finalLoss;
      case "seconds" -> RunResult::seconds;
      case "epochs_run" -> r -> r.epochsRun();
      default -> throw new IllegalArgumentException("unknown metric '" + metric + "'; known: " + String.join(", ", METRICS));
    };
  }

  /** mean, sample std (0 for one value), SEM. */
  private static double[] stats(List<Double> xs) {
    int n = xs.size();
    double mean = xs.stream().mapToDouble(Double::doubleValue).sum() / n;
    double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
    return new double[] {mean, std, std / Math.sqrt(n)};
  }

  /** The table as CSV (every column), written to the output folder as results.csv. */
  String csv() {
    return table().write().toString("csv");
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    return m;
  }

  @Override
  public String toString() {
    long ok = results.stream().filter(RunResult::ok).count();
    double secs = results.stream().mapToDouble(RunResult::seconds).sum();
    String head = String.format(Locale.ROOT, "Sweep result: %d runs %s (%d ok, %d not; %d skipped as already written), "
        + "%.1f s of run time%s", results.size(), where, ok, results.size() - ok, skipped, secs,
        dir == null ? "" : "; written to " + dir);
    Table t = table().removeColumns("id", "model_sha256", "error");
    return head + "\n" + t.printAll();
  }
}

package org.hamlab.dsl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.metric.HamiltonianError;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The offset-corrected Hamiltonian error of a model on a test set, mean ± SEM (paper.md §8.1),
 * with the per-point errors for maps. Immutable.
 */
public final class ErrorEstimate implements Displayable {
  private final Model model;
  private final HamiltonianSystem system;
  private final TestSet set;
  private final HamiltonianError error;

  ErrorEstimate(Model model, HamiltonianSystem system, TestSet set, HamiltonianError error) {
    this.model = model;
    this.system = system;
    this.set = set;
    this.error = error;
  }

  public double mean() { return error.mean(); }

  public double sem() { return error.sem(); }

  public int n() { return error.n(); }

  /** The constant c removed before comparing (mean of H_θ − H). */
  public double offset() { return error.offset(); }

  /** The engine result (per-point errors, std). */
  public HamiltonianError result() { return error; }

  /** The points the error was measured on. */
  public TestSet set() { return set; }

  public Model model() { return model; }

  public HamiltonianSystem system() { return system; }

  /** "1.234e-02 ± 5.6e-04". */
  public String formatted() {
    return String.format(Locale.ROOT, "%.3e ± %.1e", mean(), sem());
  }

  /** Columns x, y (the two plotted components) and error, one row per point. */
  public Table table() {
    int n = set.count();
    double[] x = new double[n], y = new double[n];
    for (int b = 0; b < n; b++) {
      x[b] = set.x(b);
      y[b] = set.y(b);
    }
    return Table.create("Hamiltonian error, " + set.name(), DoubleColumn.create(set.label(set.xAxis()), x),
        DoubleColumn.create(set.label(set.yAxis()), y), DoubleColumn.create("error", error.errors().clone()));
  }

  Provenance provenance() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("hamiltonian-error-mean", mean());
    m.put("hamiltonian-error-sem", sem());
    m.put("points", (double) n());
    var spec = set.spec();
    Map<String, String> testSet = new LinkedHashMap<>();
    testSet.put("test-set", set.kind() + ": " + set.description());
    testSet.put("test-set-spec", "seed " + spec.seed() + ", plane (z" + spec.xAxis() + ", z" + spec.yAxis()
        + ") on [" + spec.lo() + ", " + spec.hi() + "]², base point " + java.util.Arrays.toString(spec.base())
        + ", grid " + spec.gridSide() + "×" + spec.gridSide() + ", uniform " + spec.uniformCount()
        + ", gaussian " + spec.gaussianCount() + " (std " + spec.gaussianStd() + ")");
    testSet.put("true-system", system.name());
    return Provenance.of(ErrorEstimate.class.getName() + " " + set.description() + " vs " + system.name(),
        "training", model.config().getProvenance(), m, null, testSet);
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    return m;
  }

  @Override
  public String toString() {
    return "Hamiltonian error " + formatted() + " (mean ± SEM, n = " + n() + ", " + set.description() + ", vs "
        + system.name() + ")";
  }
}

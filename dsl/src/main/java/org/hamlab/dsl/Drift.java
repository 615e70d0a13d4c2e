package org.hamlab.dsl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.engine.metric.EnergyDrift;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Energy drift |H_true(ŷ(t)) − H_true(y₀)| along rollouts of a flow (paper.md §8.3,
 * recommended addition), averaged over the initial states. Immutable.
 */
public final class Drift implements Displayable {
  private final String label;
  private final EnergyDrift drift;

  Drift(String label, EnergyDrift drift) {
    this.label = label;
    this.drift = drift;
  }

  public String label() { return label; }

  /** Engine result: per-trajectory errors, max, mean, slope. */
  public EnergyDrift result() { return drift; }

  public double max() { return drift.max(); }

  public double mean() { return drift.mean(); }

  /** Least-squares slope of the mean error against t (energy per unit time). */
  public double slope() { return drift.slope(); }

  /** Times of the saved points. */
  public double[] times() {
    double[] t = new double[drift.points()];
    for (int s = 0; s < t.length; s++) t[s] = s * drift.dt();
    return t;
  }

  /** Mean |ΔH| over trajectories at each time. */
  public double[] meanCurve() {
    return drift.meanCurve();
  }

  /** Columns t, mean_abs_dH. */
  public Table table() {
    return Table.create("energy drift, " + label, DoubleColumn.create("t", times()),
        DoubleColumn.create("mean_abs_dH", meanCurve()));
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    return m;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Energy drift (%s): %d trajectories × %d points, mean |ΔH| %.3e, max %.3e, "
        + "slope %.2e per unit time", label, drift.count(), drift.points(), mean(), max(), slope());
  }
}

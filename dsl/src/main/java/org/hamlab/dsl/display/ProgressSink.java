package org.hamlab.dsl.display;

import java.util.Map;

/**
 * Where long-running DSL calls (training, data generation, evaluation on large sets) report
 * progress. The default draws a progress bar in the terminal; the Jupyter kernel installs one that
 * updates a display in the notebook ({@link Progress#install}).
 */
public interface ProgressSink {

  /**
   * How a metric is shown: counts (whole numbers such as runs failed) as integers, other values
   * with four significant digits, or in scientific notation outside [1e-3, 1e5).
   */
  static String format(double v) {
    if (!Double.isFinite(v)) return String.valueOf(v);
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
    double a = Math.abs(v);
    return a >= 1e-3 && a < 1e5
        ? String.format(java.util.Locale.ROOT, "%.4g", v)
        : String.format(java.util.Locale.ROOT, "%.3e", v);
  }

  /** Starts a task of {@code total} units (epochs, trajectories, points). */
  Task start(String title, long total, String unit);

  /** One running task. Closing it marks it finished. */
  interface Task extends AutoCloseable {
    /**
     * Reports {@code done} units finished, with named metrics (e.g. {@code loss}, {@code lr},
     * {@code val_loss}) and the estimated seconds left (NaN if unknown).
     */
    void update(long done, Map<String, Double> metrics, double secondsLeft);

    @Override
    void close();
  }
}

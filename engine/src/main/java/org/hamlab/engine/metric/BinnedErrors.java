package org.hamlab.engine.metric;

import java.util.Arrays;
import org.hamlab.engine.data.TestSet;

/**
 * Per-point errors averaged on a regular {@code bins × bins} grid over the test set's plot plane,
 * for error maps of scattered sets (paper.md §8.3: scipy {@code binned_statistic_2d} mean, 60×60
 * over [−2, 2]², or [−0.5, 0.5]² on the Hénon–Heiles slice).
 *
 * <p>Bin edges are {@code lo + i·(hi − lo)/bins}; a bin holds [left, right) except the last one,
 * which also holds its right edge (scipy's convention). Points outside [lo, hi]² are left out;
 * empty bins are NaN.
 *
 * @param bins bins per axis
 * @param lo lower edge of both axes
 * @param hi upper edge of both axes
 * @param mean mean error of bin (i = x bin, j = y bin) at {@code mean[j*bins + i]} (row j is a y
 *     row, as an image), NaN when empty
 * @param counts points in each bin, same layout
 */
public record BinnedErrors(int bins, double lo, double hi, double[] mean, int[] counts) {

  /** Bins the per-point {@code errors} of {@code set} (indexed like its points). */
  public static BinnedErrors of(TestSet set, double[] errors, int bins, double lo, double hi) {
    if (errors.length != set.count()) {
      throw new IllegalArgumentException(
          "need one error per point of '"
              + set.name()
              + "' ("
              + set.count()
              + "), got "
              + errors.length);
    }
    if (bins < 1) throw new IllegalArgumentException("bins must be ≥ 1, got " + bins);
    if (!(lo < hi))
      throw new IllegalArgumentException("need lo < hi, got [" + lo + ", " + hi + "]");
    double[] sum = new double[bins * bins];
    int[] counts = new int[bins * bins];
    double scale = bins / (hi - lo);
    for (int b = 0; b < set.count(); b++) {
      int i = bin(set.x(b), lo, hi, scale, bins), j = bin(set.y(b), lo, hi, scale, bins);
      if (i < 0 || j < 0) continue;
      sum[j * bins + i] += errors[b];
      counts[j * bins + i]++;
    }
    for (int c = 0; c < sum.length; c++) sum[c] = counts[c] > 0 ? sum[c] / counts[c] : Double.NaN;
    return new BinnedErrors(bins, lo, hi, sum, counts);
  }

  /** Paper.md §8.3: 60×60 bins over the set's box ({@code spec.lo()..spec.hi()}). */
  public static BinnedErrors paper(TestSet set, HamiltonianError error) {
    return of(set, error.errors(), 60, set.spec().lo(), set.spec().hi());
  }

  /** Centre of bin i along either axis. */
  public double centre(int i) {
    return lo + (i + 0.5) * (hi - lo) / bins;
  }

  private static int bin(double v, double lo, double hi, double scale, int bins) {
    if (!(v >= lo && v <= hi)) return -1;
    return Math.min(bins - 1, (int) ((v - lo) * scale));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinnedErrors e
        && bins == e.bins
        && Double.compare(lo, e.lo) == 0
        && Double.compare(hi, e.hi) == 0
        && Arrays.equals(mean, e.mean)
        && Arrays.equals(counts, e.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mean) * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "BinnedErrors[" + bins + "×" + bins + " on [" + lo + ", " + hi + "]²]";
  }
}

package org.hamlab.engine.metric;

import java.util.Arrays;
import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Offset-corrected absolute Hamiltonian error on a point set, the paper's "‖H_pred − H_true‖₁"
 * (paper.md §8.1).
 *
 * <p>A learned H_θ is defined up to a constant, so the constant is removed first: c =
 * mean_i(H_θ(y_i) − H_true(y_i)), recomputed for every point set (the mean, not the L1-optimal
 * median); e_i = |H_θ(y_i) − c − H_true(y_i)|; the result is mean_i e_i and its standard error SEM
 * = std(e, ddof = 1)/√n, with n the number of points.
 *
 * <p><b>Authors' SEM bug (paper.md §8.1, §11 erratum 16).</b> On the 30×30 grid the authors'
 * notebooks divide by √30 (the length of the 2-D array) instead of √900, so their grid SEMs are √30
 * ≈ 5.48 times too large. {@link #sem()} uses the correct n; {@link #semDividedBy(int)} with 30
 * reproduces the published grid figure.
 *
 * <p>Both Hamiltonians are evaluated in batches over fixed tiles on the engine's threads; the
 * compensated sums are formed per tile and combined in tile order, so the result does not depend on
 * the thread count.
 *
 * @param mean mean absolute error, mean_i e_i
 * @param sem standard error of the mean, std(e, ddof=1)/√n (0 when n = 1)
 * @param std sample standard deviation of e, ddof = 1 (0 when n = 1)
 * @param n number of points
 * @param offset c = mean_i(H_θ − H_true), the constant removed
 * @param errors per-point errors e_i, indexed like the points (for error maps, paper.md §8.3)
 */
public record HamiltonianError(
    double mean, double sem, double std, int n, double offset, double[] errors) {
  private static final int TILE = 4096;

  /** The error of {@code learned} against {@code truth} on {@code set} (paper.md §8.1). */
  public static HamiltonianError compute(Hamiltonian learned, Hamiltonian truth, TestSet set) {
    if (set.dim() != truth.dim()) {
      throw new IllegalArgumentException(
          "test set '"
              + set.name()
              + "' has state dimension "
              + set.dim()
              + " but "
              + truth.name()
              + " has "
              + truth.dim()
              + "; draw the set with TestSetSpec.forSystem(system)");
    }
    return compute(learned, truth, set.states(), set.count());
  }

  /**
   * The error of {@code learned} against {@code truth} on {@code n} points.
   *
   * @param z the points, state layout: component k of point b at {@code z[k*n + b]}, length ≥ dim·n
   */
  public static HamiltonianError compute(
      Hamiltonian learned, Hamiltonian truth, double[] z, int n) {
    int dim = truth.dim();
    if (learned.dim() != dim) {
      throw new IllegalArgumentException(
          "the learned Hamiltonian "
              + learned.name()
              + " has state dimension "
              + learned.dim()
              + " but the true one "
              + truth.name()
              + " has "
              + dim
              + "; they must match");
    }
    if (n < 1) throw new IllegalArgumentException("need at least one point, got n = " + n);
    if (z.length < (long) dim * n) {
      throw new IllegalArgumentException(
          n
              + " points of dimension "
              + dim
              + " need "
              + (long) dim * n
              + " values, got "
              + z.length);
    }
    int tiles = Tiles.count(n, TILE);
    double[] diff = new double[n];
    double[] partial = new double[tiles];
    // pass 1: diff_i = H_θ(y_i) − H_true(y_i), and per-tile sums for the offset
    Tiles.forEach(
        n,
        TILE,
        (tile, from, to) -> {
          int m = to - from;
          double[] zt = new double[dim * m], ht = new double[m], hl = new double[m];
          for (int k = 0; k < dim; k++) System.arraycopy(z, k * n + from, zt, k * m, m);
          learned.value(zt, m, hl);
          truth.value(zt, m, ht);
          for (int b = 0; b < m; b++) {
            double dv = hl[b] - ht[b];
            if (!Double.isFinite(dv))
              throw nonFinite(learned, truth, hl[b], ht[b], zt, m, dim, b, from);
            diff[from + b] = dv;
          }
          partial[tile] = sum(diff, from, to);
        });
    double offset = inOrder(partial) / n;
    // pass 2: e_i = |diff_i − c| and per-tile sums of e
    double[] errors = diff;
    Tiles.forEach(
        n,
        TILE,
        (tile, from, to) -> {
          for (int b = from; b < to; b++) errors[b] = Math.abs(diff[b] - offset);
          partial[tile] = sum(errors, from, to);
        });
    double mean = inOrder(partial) / n;
    // pass 3: two-pass variance, ddof = 1
    Tiles.forEach(
        n,
        TILE,
        (tile, from, to) -> {
          double s = 0, c = 0;
          for (int b = from; b < to; b++) {
            double r = errors[b] - mean, t = s + r * r;
            c += Math.abs(s) >= r * r ? (s - t) + r * r : (r * r - t) + s;
            s = t;
          }
          partial[tile] = s + c;
        });
    double std = n > 1 ? Math.sqrt(inOrder(partial) / (n - 1)) : 0.0;
    return new HamiltonianError(mean, std / Math.sqrt(n), std, n, offset, errors);
  }

  /**
   * std(e, ddof=1)/√count. With {@code count} = 30 on the 30×30 grid this is the authors' published
   * (wrong) grid SEM (paper.md §8.1); {@link #sem()} is this with count = n.
   */
  public double semDividedBy(int count) {
    if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, got " + count);
    return std / Math.sqrt(count);
  }

  /** Per-point error of point b. */
  public double error(int b) {
    return errors[b];
  }

  /** "0.01158 ± 0.00048 (n = 900, offset −8.18)". */
  @Override
  public String toString() {
    return String.format("%.4g ± %.2g (n = %d, offset %.4g)", mean, sem, n, offset);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HamiltonianError h
        && Double.compare(mean, h.mean) == 0
        && Double.compare(sem, h.sem) == 0
        && Double.compare(std, h.std) == 0
        && n == h.n
        && Double.compare(offset, h.offset) == 0
        && Arrays.equals(errors, h.errors);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(errors) + java.util.Objects.hash(mean, sem, std, n, offset);
  }

  private static double inOrder(double[] partial) {
    return sum(partial, 0, partial.length);
  }

  /**
   * Neumaier-compensated sum of {@code a[from..to)}: the offset is the mean of values that may be
   * all nearly equal (≈ −8.18 for the paper's DW model), where a plain sum loses ~log₂(n) bits.
   */
  private static double sum(double[] a, int from, int to) {
    double s = 0, c = 0;
    for (int i = from; i < to; i++) {
      double v = a[i], t = s + v;
      c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
      s = t;
    }
    return s + c;
  }

  private static IllegalArgumentException nonFinite(
      Hamiltonian learned,
      Hamiltonian truth,
      double hl,
      double ht,
      double[] zt,
      int m,
      int dim,
      int b,
      int from) {
    double[] point = new double[dim];
    for (int k = 0; k < dim; k++) point[k] = zt[k * m + b];
    String which =
        Double.isFinite(hl)
            ? truth.name() + " (true) = " + ht
            : learned.name() + " (learned) = " + hl;
    return new IllegalArgumentException(
        "H is not finite at point "
            + (from + b)
            + " "
            + Arrays.toString(point)
            + ": "
            + which
            + "; check the model (did training diverge?) and the test-set box");
  }
}

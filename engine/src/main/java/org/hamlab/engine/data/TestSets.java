package org.hamlab.engine.data;

import java.util.List;
import java.util.SplittableRandom;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;

/**
 * The three evaluation sets of paper.md §8.2 (grid, uniform random, Gaussian), drawn on the plane a
 * {@link TestSetSpec} describes.
 *
 * <p>Every random point b draws from its own stream {@code Seeds.stream(seed, purpose, b)}, so a
 * seed fixes the set whatever the thread count, and a larger set extends a smaller one.
 */
public final class TestSets {
  static final String UNIFORM_PURPOSE = "test-set/uniform";
  static final String GAUSSIAN_PURPOSE = "test-set/gaussian";
  private static final int TILE = 4096;

  private TestSets() {}

  /**
   * Grid, uniform and Gaussian sets of paper.md §8.2 for {@code system}, drawn with {@code seed}.
   */
  public static List<TestSet> paper(Hamiltonian system, long seed) {
    return all(TestSetSpec.forSystem(system).withSeed(seed));
  }

  /** Grid, uniform and Gaussian sets, in that order. */
  public static List<TestSet> all(TestSetSpec spec) {
    return List.of(grid(spec), uniform(spec), gaussian(spec));
  }

  /** The set named {@code "grid"}, {@code "uniform"} or {@code "gaussian"}. */
  public static TestSet byName(String name, TestSetSpec spec) {
    return switch (name) {
      case "grid" -> grid(spec);
      case "uniform" -> uniform(spec);
      case "gaussian" -> gaussian(spec);
      default ->
          throw new IllegalArgumentException(
              "unknown test set '"
                  + name
                  + "'; known sets: grid, uniform, gaussian (paper.md §8.2)");
    };
  }

  /**
   * {@code gridSide × gridSide} grid, numpy {@code linspace(lo, hi, gridSide)} on both varying
   * components, meshgrid "xy" flattened row-major: point {@code i*side + j} is (x_j, y_i).
   */
  public static TestSet grid(TestSetSpec spec) {
    int side = spec.gridSide(), n = side * side;
    double[] axis = linspace(spec.lo(), spec.hi(), side);
    double[] z = fill(spec, n);
    int x = spec.xAxis() * n, y = spec.yAxis() * n;
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        z[x + i * side + j] = axis[j];
        z[y + i * side + j] = axis[i];
      }
    }
    return new TestSet(
        "grid",
        "uniform grid " + side + "×" + side + " on " + box(spec) + plane(spec),
        TestSet.Kind.GRID,
        spec.dof(),
        n,
        z,
        spec.xAxis(),
        spec.yAxis(),
        side,
        spec);
  }

  /** {@code uniformCount} points, both varying components i.i.d. U[lo, hi]. */
  public static TestSet uniform(TestSetSpec spec) {
    int n = spec.uniformCount();
    double lo = spec.lo(), width = spec.hi() - spec.lo();
    double[] z = fill(spec, n);
    int x = spec.xAxis() * n, y = spec.yAxis() * n;
    Tiles.forEach(
        n,
        TILE,
        (tile, from, to) -> {
          for (int b = from; b < to; b++) {
            SplittableRandom r = Seeds.stream(spec.seed(), UNIFORM_PURPOSE, b);
            z[x + b] = lo + width * r.nextDouble();
            z[y + b] = lo + width * r.nextDouble();
          }
        });
    return new TestSet(
        "uniform",
        "uniform random, " + n + " points on " + box(spec) + plane(spec),
        TestSet.Kind.UNIFORM,
        spec.dof(),
        n,
        z,
        spec.xAxis(),
        spec.yAxis(),
        0,
        spec);
  }

  /** {@code gaussianCount} points, both varying components i.i.d. N(0, gaussianStd²). */
  public static TestSet gaussian(TestSetSpec spec) {
    int n = spec.gaussianCount();
    double std = spec.gaussianStd();
    double[] z = fill(spec, n);
    int x = spec.xAxis() * n, y = spec.yAxis() * n;
    Tiles.forEach(
        n,
        TILE,
        (tile, from, to) -> {
          for (int b = from; b < to; b++) {
            SplittableRandom r = Seeds.stream(spec.seed(), GAUSSIAN_PURPOSE, b);
            z[x + b] = std * Seeds.gaussian(r);
            z[y + b] = std * Seeds.gaussian(r);
          }
        });
    return new TestSet(
        "gaussian",
        "Gaussian N(0, " + std * std + "·I), " + n + " points" + plane(spec),
        TestSet.Kind.GAUSSIAN,
        spec.dof(),
        n,
        z,
        spec.xAxis(),
        spec.yAxis(),
        0,
        spec);
  }

  /** numpy {@code linspace(lo, hi, m)}: {@code lo + j·step}, last point exactly {@code hi}. */
  static double[] linspace(double lo, double hi, int m) {
    double[] a = new double[m];
    double step = (hi - lo) / (m - 1);
    for (int j = 0; j < m; j++) a[j] = j * step + lo;
    a[m - 1] = hi;
    return a;
  }

  /** n copies of the base state, state layout. */
  private static double[] fill(TestSetSpec spec, int n) {
    double[] base = spec.base();
    if ((long) base.length * n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          n + " points of dimension " + base.length + " do not fit one array; use fewer points");
    }
    double[] z = new double[base.length * n];
    for (int k = 0; k < base.length; k++) java.util.Arrays.fill(z, k * n, (k + 1) * n, base[k]);
    return z;
  }

  private static String box(TestSetSpec spec) {
    return "[" + spec.lo() + ", " + spec.hi() + "]²";
  }

  /** " in (q, p)" or " in (q_2, p_2) at q_1 = 0.1, p_1 = 0.2". */
  private static String plane(TestSetSpec spec) {
    double[] base = spec.base();
    int d = spec.dof();
    StringBuilder s =
        new StringBuilder(" in (")
            .append(label(spec.xAxis(), d))
            .append(", ")
            .append(label(spec.yAxis(), d))
            .append(")");
    String sep = " at ";
    for (int k = 0; k < base.length; k++) {
      if (k == spec.xAxis() || k == spec.yAxis()) continue;
      s.append(sep).append(label(k, d)).append(" = ").append(base[k]);
      sep = ", ";
    }
    return s.toString();
  }

  private static String label(int k, int d) {
    String s = k < d ? "q" : "p";
    return d == 1 ? s : s + "_" + (k % d + 1);
  }
}

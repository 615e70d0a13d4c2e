package org.hamlab.engine.data;

import java.util.Arrays;
import org.hamlab.engine.system.Hamiltonian;

/**
 * How the three evaluation sets of paper.md §8.2 are drawn: a plane through phase space, a box on
 * it, sizes and a seed.
 *
 * <p>Every point of a set equals {@code base} except in the two components {@code xAxis} and {@code
 * yAxis}, which vary: on a {@code gridSide × gridSide} grid over {@code [lo, hi]²}, uniformly over
 * that box, or as N(0, gaussianStd²·I). For a 2-D system (d = 1) the plane is the whole phase space
 * (q, p); for Hénon–Heiles it is the slice q_x = 0.1, p_x = 0.2 varying (q_y, p_y).
 *
 * @param base the full state every point starts from, {@code (q_1..q_d, p_1..p_d)}, length 2d
 * @param xAxis component varied along the first plot axis (0 = q_1)
 * @param yAxis component varied along the second plot axis
 * @param lo lower edge of the grid and uniform box, on both varying components
 * @param hi upper edge of the grid and uniform box
 * @param gridSide grid points per axis (paper: 30, so 900 points)
 * @param uniformCount points of the uniform random set
 * @param gaussianStd standard deviation of the Gaussian set on each varying component (mean 0)
 * @param gaussianCount points of the Gaussian set
 * @param seed seed of every random draw ({@code Seeds.stream(seed, purpose, point)})
 */
public record TestSetSpec(
    double[] base,
    int xAxis,
    int yAxis,
    double lo,
    double hi,
    int gridSide,
    int uniformCount,
    double gaussianStd,
    int gaussianCount,
    long seed) {

  public TestSetSpec {
    if (base == null || base.length < 2 || base.length % 2 != 0) {
      throw new IllegalArgumentException(
          "base must be a full state (q_1..q_d, p_1..p_d) of even length ≥ 2, got "
              + (base == null ? "null" : base.length + " components"));
    }
    base = base.clone();
    for (double v : base) {
      if (!Double.isFinite(v))
        throw new IllegalArgumentException("base must be finite, got " + Arrays.toString(base));
    }
    if (xAxis < 0 || yAxis < 0 || xAxis >= base.length || yAxis >= base.length || xAxis == yAxis) {
      throw new IllegalArgumentException(
          "xAxis and yAxis must be two different components in 0.."
              + (base.length - 1)
              + ", got "
              + xAxis
              + " and "
              + yAxis);
    }
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException(
          "the box needs finite lo < hi, got [" + lo + ", " + hi + "]");
    }
    if (gridSide < 2) throw new IllegalArgumentException("gridSide must be ≥ 2, got " + gridSide);
    if ((long) gridSide * gridSide > Integer.MAX_VALUE / base.length) {
      throw new IllegalArgumentException(
          "gridSide " + gridSide + " makes a grid too large for one array");
    }
    if (uniformCount < 1 || gaussianCount < 1) {
      throw new IllegalArgumentException(
          "set sizes must be ≥ 1, got uniform " + uniformCount + ", Gaussian " + gaussianCount);
    }
    if (!(gaussianStd > 0) || !Double.isFinite(gaussianStd)) {
      throw new IllegalArgumentException("gaussianStd must be finite and > 0, got " + gaussianStd);
    }
  }

  /**
   * Paper.md §8.2 for 2-D systems (DW, CHO): [−2, 2]², 30×30 grid, 100 000 uniform, N(0, I) 100
   * 000.
   */
  public static TestSetSpec phasePlane() {
    return new TestSetSpec(new double[] {0, 0}, 0, 1, -2, 2, 30, 100_000, 1.0, 100_000, 0);
  }

  /**
   * Paper.md §8.2 for Hénon–Heiles: q_x = 0.1, p_x = 0.2 fixed, (q_y, p_y) on [−0.5, 0.5]², 30×30
   * grid, 50 000 uniform, N(0, 0.25·I) (std 0.5) 50 000. State layout (q_x, q_y, p_x, p_y).
   */
  public static TestSetSpec henonHeilesSlice() {
    return new TestSetSpec(
        new double[] {0.1, 0, 0.2, 0}, 1, 3, -0.5, 0.5, 30, 50_000, 0.5, 50_000, 0);
  }

  /**
   * The paper's protocol for {@code system}: {@link #phasePlane()} when d = 1, otherwise the
   * Hénon–Heiles slice (for d = 2 systems other than Hénon–Heiles this is our extension of the
   * paper's protocol; for d > 2 the extra components are held at 0 and q_2, p_2 vary).
   */
  public static TestSetSpec forSystem(Hamiltonian system) {
    int d = system.dof();
    if (d == 1) return phasePlane();
    double[] base = new double[2 * d];
    base[0] = 0.1;
    base[d] = 0.2;
    return new TestSetSpec(base, 1, d + 1, -0.5, 0.5, 30, 50_000, 0.5, 50_000, 0);
  }

  /** Degrees of freedom d of the states this spec produces. */
  public int dof() {
    return base.length / 2;
  }

  @Override
  public double[] base() {
    return base.clone();
  }

  public TestSetSpec withSeed(long s) {
    return new TestSetSpec(
        base, xAxis, yAxis, lo, hi, gridSide, uniformCount, gaussianStd, gaussianCount, s);
  }

  public TestSetSpec withBox(double newLo, double newHi) {
    return new TestSetSpec(
        base, xAxis, yAxis, newLo, newHi, gridSide, uniformCount, gaussianStd, gaussianCount, seed);
  }

  public TestSetSpec withGridSide(int side) {
    return new TestSetSpec(
        base, xAxis, yAxis, lo, hi, side, uniformCount, gaussianStd, gaussianCount, seed);
  }

  public TestSetSpec withUniformCount(int count) {
    return new TestSetSpec(
        base, xAxis, yAxis, lo, hi, gridSide, count, gaussianStd, gaussianCount, seed);
  }

  public TestSetSpec withGaussian(double std, int count) {
    return new TestSetSpec(base, xAxis, yAxis, lo, hi, gridSide, uniformCount, std, count, seed);
  }

  public TestSetSpec withPlane(double[] newBase, int x, int y) {
    return new TestSetSpec(
        newBase, x, y, lo, hi, gridSide, uniformCount, gaussianStd, gaussianCount, seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestSetSpec s
        && Arrays.equals(base, s.base)
        && xAxis == s.xAxis
        && yAxis == s.yAxis
        && Double.compare(lo, s.lo) == 0
        && Double.compare(hi, s.hi) == 0
        && gridSide == s.gridSide
        && uniformCount == s.uniformCount
        && Double.compare(gaussianStd, s.gaussianStd) == 0
        && gaussianCount == s.gaussianCount
        && seed == s.seed;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(base)
        + java.util.Objects.hash(
            xAxis, yAxis, lo, hi, gridSide, uniformCount, gaussianStd, gaussianCount, seed);
  }

  @Override
  public String toString() {
    return "TestSetSpec[base="
        + Arrays.toString(base)
        + ", axes=("
        + xAxis
        + ", "
        + yAxis
        + "), box=["
        + lo
        + ", "
        + hi
        + "]², grid "
        + gridSide
        + "×"
        + gridSide
        + ", uniform "
        + uniformCount
        + ", Gaussian std "
        + gaussianStd
        + " × "
        + gaussianCount
        + ", seed "
        + seed
        + "]";
  }
}

package org.hamlab.dsl;

import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.TestSetSpec;
import org.hamlab.engine.data.TestSets;

/**
 * Which evaluation points to use: {@code grid(30)}, {@code uniform(100_000)} or {@code
 * gaussian(100_000)} (paper.md §8.2). The plane and box follow the system they are used with
 * ({@link TestSetSpec#forSystem}: [−2, 2]² for 2-D systems, the Hénon–Heiles slice otherwise);
 * options override them: {@code .box(-3, 3)}, {@code .std(0.5)}, {@code .seed(1)}. Immutable.
 */
public final class TestPoints {
  private final String kind;
  private final int size;
  private final double lo, hi, std;
  private final long seed;

  private TestPoints(String kind, int size, double lo, double hi, double std, long seed) {
    this.kind = kind;
    this.size = size;
    this.lo = lo;
    this.hi = hi;
    this.std = std;
    this.seed = seed;
  }

  static TestPoints of(String kind, int size) {
    if (size < 1 || (kind.equals("grid") && size < 2)) {
      throw new IllegalArgumentException(kind + " test set needs " + (kind.equals("grid") ? "≥ 2 points per side" : "≥ 1 point")
          + ", got " + size + (kind.equals("grid") ? " (the paper uses 30)" : " (the paper uses 100 000)"));
    }
    if (kind.equals("grid") && size > 2000) throw new IllegalArgumentException("grid side " + size + " is too large (≤ 2000)");
    return new TestPoints(kind, size, Double.NaN, Double.NaN, Double.NaN, 0);
  }

  /** Box [lo, hi] on the two varying components (grid and uniform sets). */
  public TestPoints box(double lo, double hi) {
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("box needs finite lo < hi, got [" + lo + ", " + hi + "]");
    }
    return new TestPoints(kind, size, lo, hi, std, seed);
  }

  /** Standard deviation of the Gaussian set. */
  public TestPoints std(double s) {
    if (!(s > 0) || !Double.isFinite(s)) throw new IllegalArgumentException("std must be finite and > 0, got " + s);
    return new TestPoints(kind, size, lo, hi, s, seed);
  }

  public TestPoints seed(long s) {
    return new TestPoints(kind, size, lo, hi, std, s);
  }

  public String kind() {
    return kind;
  }

  /** The engine's points for {@code system}. */
  public TestSet resolve(HamiltonianSystem system) {
    TestSetSpec spec = TestSetSpec.forSystem(system.hamiltonian()).withSeed(seed);
    if (!Double.isNaN(lo)) spec = spec.withBox(lo, hi);
    spec = switch (kind) {
      case "grid" -> spec.withGridSide(size);
      case "uniform" -> spec.withUniformCount(size);
      default -> spec.withGaussian(Double.isNaN(std) ? spec.gaussianStd() : std, size);
    };
    return TestSets.byName(kind, spec);
  }

  @Override
  public String toString() {
    String what = switch (kind) {
      case "grid" -> size + "×" + size + " grid";
      case "uniform" -> size + " uniform points";
      default -> size + " Gaussian points";
    };
    return "TestPoints: " + what + (Double.isNaN(lo) ? " on the system's box" : " on [" + lo + ", " + hi + "]²")
        + (Double.isNaN(std) ? "" : ", std " + std) + ", seed " + seed + " (paper.md §8.2)";
  }
}

package org.hamlab.engine.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;

/**
 * A box of initial states, each component drawn independently and uniformly from
 * [lo_k, hi_k] (paper.md §3.1).
 *
 * <p>Trajectory b draws its 2d components, in order q_1..q_d, p_1..p_d, from its own stream
 * {@code Seeds.stream(seed, purpose, b)}, so the states do not depend on how the work is split.
 *
 * @param lo lower corner, length 2d, components q_1..q_d, p_1..p_d
 * @param hi upper corner, same length, hi_k ≥ lo_k
 */
public record InitialConditions(double[] lo, double[] hi) {

  public InitialConditions {
    if (lo == null || hi == null || lo.length != hi.length || lo.length == 0 || lo.length % 2 != 0) {
      throw new IllegalArgumentException("a box needs lo and hi of the same even length 2d, got "
          + (lo == null ? "null" : lo.length) + " and " + (hi == null ? "null" : hi.length));
    }
    for (int k = 0; k < lo.length; k++) {
      if (!Double.isFinite(lo[k]) || !Double.isFinite(hi[k]) || hi[k] < lo[k]) {
        throw new IllegalArgumentException("box component " + k + " must be finite with lo ≤ hi, got ["
            + lo[k] + ", " + hi[k] + "]");
      }
    }
    lo = lo.clone();
    hi = hi.clone();
  }

  /** The cube [lo, hi]^{2d}. */
  public static InitialConditions cube(Hamiltonian system, double lo, double hi) {
    double[] l = new double[system.dim()], h = new double[system.dim()];
    Arrays.fill(l, lo);
    Arrays.fill(h, hi);
    return new InitialConditions(l, h);
  }

  /**
   * The paper's box (paper.md §3.1): [−0.3, 0.3]⁴ for Hénon–Heiles, [−2, 2]^{2d} for the double
   * well, the coupled oscillator and every other system.
   */
  public static InitialConditions paper(Hamiltonian system) {
    return "henon-heiles".equals(system.name()) ? cube(system, -0.3, 0.3) : cube(system, -2, 2);
  }

  /** State dimension 2d. */
  public int dim() {
    return lo.length;
  }

  @Override public double[] lo() { return lo.clone(); }

  @Override public double[] hi() { return hi.clone(); }

  /**
   * {@code count} states in the state layout ({@code out[k*count + b]}), trajectory b from
   * {@code Seeds.stream(seed, purpose, b)}.
   */
  public double[] sample(long seed, String purpose, int count) {
    if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, got " + count);
    int dim = dim();
    double[] z = new double[dim * count];
    for (int b = 0; b < count; b++) {
      SplittableRandom r = Seeds.stream(seed, purpose, b);
      for (int k = 0; k < dim; k++) z[k * count + b] = lo[k] + (hi[k] - lo[k]) * r.nextDouble();
    }
    return z;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InitialConditions c && Arrays.equals(lo, c.lo) && Arrays.equals(hi, c.hi);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("InitialConditions[");
    for (int k = 0; k < lo.length; k++) {
      s.append(k == 0 ? "" : " × ").append('[').append(lo[k]).append(", ").append(hi[k]).append(']');
    }
    return s.append(']').toString();
  }
}

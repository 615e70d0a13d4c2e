package org.hamlab.engine.data;

import java.util.Arrays;

/**
 * A set of trajectories sampled on a common time grid: the engine's data type for training and
 * evaluation.
 *
 * <p>Layout ("trajectory layout", as {@link org.hamlab.engine.integrator.Rollout} returns):
 * component k of trajectory b at point s is {@code states[(s*dim + k)*count + b]}, with components
 * {@code q_1..q_d, p_1..p_d} and point s at time {@code s*dt}.
 *
 * @param dof degrees of freedom d (state dimension 2d)
 * @param count number of trajectories
 * @param points points per trajectory (including t = 0)
 * @param dt time between points
 * @param states observed states (noisy where noise was added), trajectory layout
 * @param clean the noise-free states in the same layout, or {@code null} when unknown (user data)
 */
public record Trajectories(int dof, int count, int points, double dt, double[] states, double[] clean) {

  public Trajectories {
    if (dof < 1) throw new IllegalArgumentException("dof must be ≥ 1, got " + dof);
    if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, got " + count);
    if (points < 1) throw new IllegalArgumentException("points must be ≥ 1, got " + points);
    if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
    long len = (long) points * 2 * dof * count;
    if (states == null || states.length != len) {
      throw new IllegalArgumentException("states must hold points × 2·dof × count = " + len + " values, got "
          + (states == null ? "null" : states.length));
    }
    if (clean != null && clean.length != len) {
      throw new IllegalArgumentException("clean must hold " + len + " values like states, got " + clean.length);
    }
  }

  /** State dimension 2d. */
  public int dim() {
    return 2 * dof;
  }

  /** Index of component k of trajectory b at point s in {@link #states()}. */
  public int index(int s, int k, int b) {
    return (s * dim() + k) * count + b;
  }

  /** The first {@code m} points of every trajectory (e.g. the 7-point training window, paper.md §5.1). */
  public Trajectories window(int m) {
    if (m < 1 || m > points) throw new IllegalArgumentException("window must be 1.." + points + " points, got " + m);
    int len = m * dim() * count;
    return new Trajectories(dof, count, m, dt, Arrays.copyOf(states, len), clean == null ? null : Arrays.copyOf(clean, len));
  }

  /** The trajectories with the given indices, in that order. */
  public Trajectories select(int[] rows) {
    int dim = dim(), c = rows.length;
    double[] s = new double[points * dim * c];
    double[] cl = clean == null ? null : new double[s.length];
    for (int p = 0; p < points; p++) {
      for (int k = 0; k < dim; k++) {
        int src = (p * dim + k) * count, dst = (p * dim + k) * c;
        for (int i = 0; i < c; i++) {
          int b = rows[i];
          if (b < 0 || b >= count) throw new IndexOutOfBoundsException("trajectory " + b + " of " + count);
          s[dst + i] = states[src + b];
          if (cl != null) cl[dst + i] = clean[src + b];
        }
      }
    }
    return new Trajectories(dof, c, points, dt, s, cl);
  }

  /** Trajectories {@code [from, to)}. */
  public Trajectories range(int from, int to) {
    if (from < 0 || to > count || from >= to) {
      throw new IllegalArgumentException("range must satisfy 0 ≤ from < to ≤ " + count + ", got [" + from + ", " + to + ")");
    }
    int[] rows = new int[to - from];
    for (int i = 0; i < rows.length; i++) rows[i] = from + i;
    return select(rows);
  }

  @Override
  public String toString() {
    return "Trajectories[" + count + " × " + points + " points, d = " + dof + ", dt = " + dt
        + (clean == null ? ", observed only" : ", with clean states") + "]";
  }
}

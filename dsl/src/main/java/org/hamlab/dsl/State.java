package org.hamlab.dsl;

import java.util.Arrays;

/**
 * One phase-space point z = (q_1..q_d, p_1..p_d) (paper.md §2): {@code state(1.0, 0.5)} is q = 1,
 * p = 0.5; {@code state(q1, q2, p1, p2)} for two degrees of freedom.
 */
public record State(double[] z) {

  public State {
    if (z.length < 2 || z.length % 2 != 0) {
      throw new IllegalArgumentException("a state lists q_1..q_d then p_1..p_d, so it needs an even number (≥ 2) of "
          + "values; got " + z.length + ". Example: state(1.0, 0.5) is q = 1, p = 0.5");
    }
    for (int k = 0; k < z.length; k++) {
      if (!Double.isFinite(z[k])) throw new IllegalArgumentException("state component " + k + " is " + z[k] + "; give finite numbers");
    }
    z = z.clone();
  }

  /** A copy of the components (q_1..q_d, p_1..p_d). */
  @Override
  public double[] z() {
    return z.clone();
  }

  /** Degrees of freedom d. */
  public int dof() {
    return z.length / 2;
  }

  /** q_i, 1-based as in the paper. */
  public double q(int i) {
    return z[i - 1];
  }

  /** p_i, 1-based as in the paper. */
  public double p(int i) {
    return z[dof() + i - 1];
  }

  void requireDof(int dof, String what) {
    if (dof() != dof) {
      throw new IllegalArgumentException(what + " has " + dof + " degree(s) of freedom, so a state needs " + 2 * dof
          + " values (q_1..q_" + dof + ", p_1..p_" + dof + "); got " + this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof State s && Arrays.equals(z, s.z);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(z);
  }

  @Override
  public String toString() {
    int d = dof();
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < z.length; k++) {
      if (k > 0) b.append(", ");
      String n = k < d ? "q" : "p";
      b.append(d == 1 ? n : n + (k % d + 1)).append(" = ").append(z[k]);
    }
    return b.append(')').toString();
  }
}

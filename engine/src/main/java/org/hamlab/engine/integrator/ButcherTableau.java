package org.hamlab.engine.integrator;

import java.util.Arrays;

/**
 * Coefficients of an s-stage Runge–Kutta method, validated on construction:
 * <pre>
 *   c_1 | a_11 … a_1s
 *    ⋮  |  ⋮       ⋮
 *   c_s | a_s1 … a_ss
 *   ----+------------
 *       | b_1  … b_s
 * </pre>
 * Stage i is Y_i = y + h Σ_j a_ij K_j with K_i = f(Y_i); the step is y + h Σ_i b_i K_i. The method
 * is symplectic when b_i a_ij + b_j a_ji − b_i b_j = 0 for all i, j (Sanz-Serna; Hairer, Lubich
 * &amp; Wanner, Geometric Numerical Integration, Thm VI.4.3). Arrays are copied in and out.
 *
 * @param a s×s stage matrix, row i = stage i
 * @param b s weights, Σ b_i = 1
 * @param c s nodes, c_i = Σ_j a_ij
 */
public record ButcherTableau(double[][] a, double[] b, double[] c) {
  private static final double TOL = 1e-14;
  private static final double R3 = Math.sqrt(3.0);

  /** Gauss–Legendre, 2 stages, order 4 (Hairer, Lubich &amp; Wanner, Table II.1.2). */
  public static final ButcherTableau GAUSS_LEGENDRE_2 = new ButcherTableau(
      new double[][] {{0.25, 0.25 - R3 / 6}, {0.25 + R3 / 6, 0.25}},
      new double[] {0.5, 0.5},
      new double[] {0.5 - R3 / 6, 0.5 + R3 / 6});

  /** Gauss–Legendre, 1 stage: the implicit midpoint rule (paper.md §6.1). */
  public static final ButcherTableau IMPLICIT_MIDPOINT =
      new ButcherTableau(new double[][] {{0.5}}, new double[] {1.0}, new double[] {0.5});

  /** The classical explicit Runge–Kutta method of order 4. */
  public static final ButcherTableau CLASSICAL_RK4 = new ButcherTableau(
      new double[][] {{0, 0, 0, 0}, {0.5, 0, 0, 0}, {0, 0.5, 0, 0}, {0, 0, 1, 0}},
      new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
      new double[] {0, 0.5, 0.5, 1});

  public ButcherTableau {
    if (a == null || b == null || c == null) {
      throw new IllegalArgumentException("a, b and c must not be null");
    }
    int s = b.length;
    if (s < 1 || c.length != s || a.length != s) {
      throw new IllegalArgumentException("a tableau needs s×s a, s b and s c; got a " + a.length
          + " rows, " + s + " b, " + c.length + " c");
    }
    double[][] copy = new double[s][];
    double sumB = 0;
    for (int i = 0; i < s; i++) {
      if (a[i] == null || a[i].length != s) {
        throw new IllegalArgumentException("row " + i + " of a must have " + s + " entries");
      }
      copy[i] = a[i].clone();
      double row = 0;
      for (double v : a[i]) row += v;
      if (Math.abs(row - c[i]) > TOL) {
        throw new IllegalArgumentException("row sum of a at stage " + i + " is " + row + " but c_" + i
            + " = " + c[i] + "; the nodes must satisfy c_i = Σ_j a_ij");
      }
      sumB += b[i];
    }
    if (Math.abs(sumB - 1) > TOL) {
      throw new IllegalArgumentException("weights must sum to 1 (consistency), got Σ b_i = " + sumB);
    }
    a = copy;
    b = b.clone();
    c = c.clone();
  }

  /** Number of stages s. */
  public int stages() {
    return b.length;
  }

  public double a(int i, int j) {
    return a[i][j];
  }

  public double b(int i) {
    return b[i];
  }

  @Override
  public double[][] a() {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
    return out;
  }

  @Override
  public double[] b() {
    return b.clone();
  }

  @Override
  public double[] c() {
    return c.clone();
  }

  /** True when a_ij = 0 for j ≥ i (each stage depends only on earlier ones). */
  public boolean explicit() {
    for (int i = 0; i < a.length; i++) {
      for (int j = i; j < a.length; j++) if (a[i][j] != 0) return false;
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ButcherTableau t && Arrays.deepEquals(a, t.a) && Arrays.equals(b, t.b)
        && Arrays.equals(c, t.c);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.deepHashCode(a) + Arrays.hashCode(b)) + Arrays.hashCode(c);
  }

  @Override
  public String toString() {
    return "ButcherTableau[a=" + Arrays.deepToString(a) + ", b=" + Arrays.toString(b) + ", c="
        + Arrays.toString(c) + "]";
  }
}

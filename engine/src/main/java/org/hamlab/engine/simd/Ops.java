package org.hamlab.engine.simd;

/**
 * Element-wise batch operations, vectorised with the Vector API where the module is loaded
 * (public facade; the only door into this package for the rest of the engine).
 *
 * <p>Layout: every state-shaped array is the engine's state layout, component k of row b at
 * {@code [k*n + b]}, components {@code q_1..q_d, p_1..p_d}; a vector field is {@code f = J g} with
 * {@code J g = (g_p, −g_q)} (paper.md §2). Scalar outputs have length {@code n}. Arrays may be
 * longer than needed. Methods check lengths and delegate to the implementation {@link
 * OpsProvider} chose once ({@link #implementation()} names it).
 */
public final class Ops {
  private static final OpsImpl IMPL = OpsProvider.get();
  private static boolean warmedUp;

  private Ops() {}

  /** "panama 256-bit double" or "scalar". */
  public static String implementation() {
    return IMPL.describe();
  }

  /**
   * Runs every op many times on tiny batches so that C2 compiles the vector loops before long
   * loops start (libraries.md §3.6: without it, OSR compilation of a long first loop can leave a
   * slow version in place). Call once at start-up (benchmarks, DSL initialisation); idempotent.
   */
  public static synchronized void warmUp() {
    if (warmedUp) return;
    int n = 5;
    double[] z = new double[4 * n], v = new double[4 * n], out = new double[4 * n];
    for (int i = 0; i < z.length; i++) {
      z[i] = 0.1 * i - 0.7;
      v[i] = 0.05 * i;
    }
    for (int r = 0; r < 20_000; r++) {
      IMPL.fieldStep(z, 0.01, v, out, 1, n);
      IMPL.fieldStepChange(z, 0.01, v, out, 1, n);
      IMPL.average(z, v, out, 2 * n);
      IMPL.axpy(0.5, z, v, out, 2 * n);
      IMPL.addScaled(0.5, z, 1, out, 2, 2 * n);
      IMPL.doubleWellGradient(z, n, out);
      IMPL.doubleWellValue(z, n, out);
      IMPL.doubleWellHessianVector(z, v, n, out);
      IMPL.coupledOscillatorGradient(0.5, z, n, out);
      IMPL.henonHeilesGradient(z, n, out);
      IMPL.henonHeilesHessianVector(z, v, n, out);
      IMPL.productQuadraticGradient(z, n, out);
      IMPL.productQuadraticHessianVector(z, v, n, out);
    }
    warmedUp = true;
  }

  /** {@code out = z + c·J g} (explicit field step): out_q = z_q + c g_p, out_p = z_p − c g_q. */
  public static void fieldStep(double[] z, double c, double[] g, double[] out, int d, int n) {
    need(z, 2 * d * n, "z");
    need(g, 2 * d * n, "g");
    need(out, 2 * d * n, "out");
    IMPL.fieldStep(z, c, g, out, d, n);
  }

  /**
   * Fixed-point sweep update: {@code y ← z + c·J g} and returns the largest relative change
   * {@code max |y_new − y_old| / max(1, |y_new|)} over all entries (NaN if any entry is NaN).
   */
  public static double fieldStepChange(double[] z, double c, double[] g, double[] y, int d, int n) {
    need(z, 2 * d * n, "z");
    need(g, 2 * d * n, "g");
    need(y, 2 * d * n, "y");
    return IMPL.fieldStepChange(z, c, g, y, d, n);
  }

  /** {@code out = (a + b)/2} over {@code len} entries. */
  public static void average(double[] a, double[] b, double[] out, int len) {
    need(a, len, "a");
    need(b, len, "b");
    need(out, len, "out");
    IMPL.average(a, b, out, len);
  }

  /** {@code out = y + c·x} over {@code len} entries ({@code out} may be {@code y}). */
  public static void axpy(double c, double[] x, double[] y, double[] out, int len) {
    need(x, len, "x");
    need(y, len, "y");
    need(out, len, "out");
    IMPL.axpy(c, x, y, out, len);
  }

  /**
   * {@code y[yFrom + i] += c·x[xFrom + i]} for {@code i < len}: an update of one block of a state
   * (e.g. the momentum kick p ← p − (h/2)∂_qH of leapfrog, x = the gradient's q block).
   */
  public static void addScaled(double c, double[] x, int xFrom, double[] y, int yFrom, int len) {
    if (xFrom < 0 || yFrom < 0 || len < 0) {
      throw new IllegalArgumentException("offsets and length must be ≥ 0, got " + xFrom + ", " + yFrom + ", " + len);
    }
    need(x, (long) xFrom + len, "x");
    need(y, (long) yFrom + len, "y");
    IMPL.addScaled(c, x, xFrom, y, yFrom, len);
  }

  /** Double well H = p²/2 + q⁴/4 − q²/2 (paper.md §2), {@code out[b]}. */
  public static void doubleWellValue(double[] z, int n, double[] out) {
    check(z, 2 * n, out, n);
    IMPL.doubleWellValue(z, n, out);
  }

  /** ∇H of the double well: (q³ − q, p). */
  public static void doubleWellGradient(double[] z, int n, double[] out) {
    check(z, 2 * n, out, 2 * n);
    IMPL.doubleWellGradient(z, n, out);
  }

  /** ∇²H v of the double well: ((3q² − 1) v_q, v_p). */
  public static void doubleWellHessianVector(double[] z, double[] v, int n, double[] out) {
    check(z, 2 * n, out, 2 * n);
    need(v, 2 * n, "v");
    IMPL.doubleWellHessianVector(z, v, n, out);
  }

  /** Coupled oscillator H = (q² + p²)/2 + α q p (paper.md §2). */
  public static void coupledOscillatorValue(double alpha, double[] z, int n, double[] out) {
    check(z, 2 * n, out, n);
    IMPL.coupledOscillatorValue(alpha, z, n, out);
  }

  /** ∇H of the coupled oscillator: (q + α p, p + α q). */
  public static void coupledOscillatorGradient(double alpha, double[] z, int n, double[] out) {
    check(z, 2 * n, out, 2 * n);
    IMPL.coupledOscillatorGradient(alpha, z, n, out);
  }

  /** Hénon–Heiles H = |p|²/2 + |q|²/2 + q₁²q₂ − q₂³/3 (paper.md §2), d = 2. */
  public static void henonHeilesValue(double[] z, int n, double[] out) {
    check(z, 4 * n, out, n);
    IMPL.henonHeilesValue(z, n, out);
  }

  /** ∇H of Hénon–Heiles: (q₁ + 2q₁q₂, q₂ + q₁² − q₂², p₁, p₂). */
  public static void henonHeilesGradient(double[] z, int n, double[] out) {
    check(z, 4 * n, out, 4 * n);
    IMPL.henonHeilesGradient(z, n, out);
  }

  /** ∇²H v of Hénon–Heiles. */
  public static void henonHeilesHessianVector(double[] z, double[] v, int n, double[] out) {
    check(z, 4 * n, out, 4 * n);
    need(v, 4 * n, "v");
    IMPL.henonHeilesHessianVector(z, v, n, out);
  }

  /** Spring-mass H = (p² + q²)/2. */
  public static void springMassValue(double[] z, int n, double[] out) {
    check(z, 2 * n, out, n);
    IMPL.springMassValue(z, n, out);
  }

  /** H = (q² + 1)(p² + 1)/2. */
  public static void productQuadraticValue(double[] z, int n, double[] out) {
    check(z, 2 * n, out, n);
    IMPL.productQuadraticValue(z, n, out);
  }

  /** ∇H = (q(p² + 1), p(q² + 1)). */
  public static void productQuadraticGradient(double[] z, int n, double[] out) {
    check(z, 2 * n, out, 2 * n);
    IMPL.productQuadraticGradient(z, n, out);
  }

  /** ∇²H v = ((p² + 1) v_q + 2qp v_p, 2qp v_q + (q² + 1) v_p). */
  public static void productQuadraticHessianVector(double[] z, double[] v, int n, double[] out) {
    check(z, 2 * n, out, 2 * n);
    need(v, 2 * n, "v");
    IMPL.productQuadraticHessianVector(z, v, n, out);
  }

  private static void check(double[] z, int zLen, double[] out, int outLen) {
    need(z, zLen, "z");
    need(out, outLen, "out");
  }

  private static void need(double[] a, long len, String name) {
    if (a.length < len) {
      throw new IllegalArgumentException(name + " has " + a.length + " entries but " + len + " are needed");
    }
  }
}

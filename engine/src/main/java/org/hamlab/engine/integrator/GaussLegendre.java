package org.hamlab.engine.integrator;

import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Gauss–Legendre collocation with 2 stages ({@link ButcherTableau#GAUSS_LEGENDRE_2}): order 4,
 * symplectic, symmetric, implicit; preserves quadratic invariants. Reference: Hairer, Lubich &amp;
 * Wanner, Geometric Numerical Integration, §II.1.3 and §VI.4.
 *
 * <p>Stage equations K_i = J∇H(z + h Σ_j a_ij K_j) are solved by Gauss–Seidel fixed-point sweeps
 * from K_i = f(z) until the relative change of h·K is ≤ {@link ImplicitSolve#tolerance()}; rows
 * where that fails go to Newton with the exact Hessian when the fallback is {@code NEWTON}. Use it
 * when a higher-order symplectic reference is needed (at twice the gradient work per sweep).
 */
public record GaussLegendre(ImplicitSolve solve) implements Integrator, Implicit, Symplectic {
  private static final ButcherTableau T = ButcherTableau.GAUSS_LEGENDRE_2;

  public GaussLegendre {
    if (solve == null) throw new IllegalArgumentException("solve settings must not be null");
  }

  public GaussLegendre() {
    this(ImplicitSolve.defaults());
  }

  /** The tableau (2 stages). */
  public ButcherTableau tableau() {
    return T;
  }

  @Override public String name() { return "gauss-legendre-2"; }

  @Override public int order() { return 4; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    int d = system.dof(), dim = 2 * d, len = dim * n, s = T.stages();
    double[] g = ws.state(0), y = ws.state(1), k = ws.array(2, s * len);
    system.gradient(z, n, g);
    for (int i = 0; i < s; i++) field(g, k, i * len, d, n);
    double prev = Double.POSITIVE_INFINITY, change = Double.NaN;
    int stalled = 0;
    boolean done = false;
    for (int it = 1; it <= solve.maxIterations() && !done; it++) {
      change = 0;
      for (int i = 0; i < s; i++) change = Math.max(change, sweep(system, h, z, g, y, k, i, d, n));
      if (change <= solve.tolerance()) {
        done = true;
        break;
      }
      stalled = change < prev ? 0 : stalled + 1;
      if (!Double.isFinite(change) || stalled >= 3) break;
      prev = change;
    }
    if (!done) {
      StepStatus st = rescue(system, h, z, g, y, k, d, n);
      if (!st.ok()) return st;
    }
    // z ← z + h Σ_i b_i K_i
    for (int i = 0; i < s; i++) Ops.addScaled(h * T.b(i), k, i * len, z, 0, len);
    return StepStatus.OK;
  }

  /** Updates K_i from the current K (Gauss–Seidel); returns the max relative change of h·K_i. */
  private static double sweep(Hamiltonian system, double h, double[] z, double[] g, double[] y, double[] k,
      int i, int d, int n) {
    int len = 2 * d * n, s = T.stages();
    stage(h, z, y, k, i, len, s);
    system.gradient(y, n, g);
    double change = 0;
    int off = i * len, half = d * n;
    for (int c = 0; c < len; c++) {
      double next = c < half ? g[half + c] : -g[c - half];
      change = Math.max(change, Math.abs(h * (next - k[off + c])) / Math.max(1.0, Math.abs(y[c])));
      k[off + c] = next;
    }
    return change;
  }

  /** y = z + h Σ_j a_ij K_j. */
  private static void stage(double h, double[] z, double[] y, double[] k, int i, int len, int s) {
    System.arraycopy(z, 0, y, 0, len);
    for (int j = 0; j < s; j++) Ops.addScaled(h * T.a(i, j), k, j * len, y, 0, len);
  }

  private StepStatus rescue(Hamiltonian system, double h, double[] z, double[] g, double[] y, double[] k,
      int d, int n) {
    int dim = 2 * d, len = dim * n, s = T.stages();
    double[] res = new double[n];
    for (int i = 0; i < s; i++) {
      stage(h, z, y, k, i, len, s);
      system.gradient(y, n, g);
      for (int c = 0; c < dim; c++) {
        for (int b = 0; b < n; b++) {
          double f = c < d ? g[(c + d) * n + b] : -g[(c - d) * n + b];
          double r = Math.abs(h * (f - k[i * len + c * n + b])) / Math.max(1.0, Math.abs(y[c * n + b]));
          res[b] = Double.isNaN(r) || Double.isNaN(res[b]) ? Double.NaN : Math.max(res[b], r);
        }
      }
    }
    double[] zb = new double[dim], kb = new double[s * dim], gb = new double[dim];
    for (int b = 0; b < n; b++) {
      if (res[b] <= solve.tolerance()) continue;
      if (solve.fallback() == ImplicitSolve.Fallback.NONE) {
        return Double.isFinite(res[b]) ? StepStatus.notConverged(b, res[b], solve.maxIterations())
            : StepStatus.nonFinite(b);
      }
      for (int c = 0; c < dim; c++) zb[c] = z[c * n + b];
      system.gradient(zb.clone(), 1, gb);
      for (int i = 0; i < s; i++) {
        for (int c = 0; c < dim; c++) kb[i * dim + c] = c < d ? gb[c + d] : -gb[c - d];
      }
      double r = StageNewton.solve(system, T, h, zb, kb, solve);
      if (!(r <= solve.tolerance())) {
        return Double.isNaN(r)
            ? StepStatus.nonFinite(b)
            : StepStatus.notConverged(b, r, solve.maxIterations());
      }
      for (int i = 0; i < s; i++) {
        for (int c = 0; c < dim; c++) k[i * len + c * n + b] = kb[i * dim + c];
      }
    }
    return StepStatus.OK;
  }

  /** out[off..] = J g = (g_p, −g_q). */
  static void field(double[] g, double[] out, int off, int d, int n) {
    int half = d * n;
    for (int c = 0; c < half; c++) {
      out[off + c] = g[half + c];
      out[off + half + c] = -g[c];
    }
  }
}

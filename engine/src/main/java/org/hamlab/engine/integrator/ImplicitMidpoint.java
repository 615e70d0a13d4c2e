package org.hamlab.engine.integrator;

import org.hamlab.engine.system.Hamiltonian;

/**
 * Implicit midpoint rule, y₁ = y₀ + h J∇H((y₀ + y₁)/2) (paper.md §6.1). Order 2, symplectic,
 * symmetric; preserves quadratic invariants exactly.
 *
 * <p>Solved by an RK2 predictor y* = y + h f(y + (h/2) f(y)) followed by fixed-point sweeps
 * y⁽ᵏ⁾ = y + h f((y + y⁽ᵏ⁻¹⁾)/2) until the max-norm change is below the tolerance.
 */
public record ImplicitMidpoint(ImplicitSolve solve) implements Integrator, Implicit, Symplectic {

  public ImplicitMidpoint {
    if (solve == null) throw new IllegalArgumentException("solve settings must not be null");
  }

  public ImplicitMidpoint() {
    this(ImplicitSolve.defaults());
  }

  @Override public String name() { return "implicit-midpoint"; }

  @Override public int order() { return 2; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    int d = system.dof(), dim = 2 * d, len = dim * n;
    double[] g = ws.state(0), y = ws.state(1), m = ws.state(2);
    // predictor: y* = z + h f(z + h/2 f(z)), f = J∇H
    system.gradient(z, n, g);
    axpyField(z, 0.5 * h, g, m, d, n);
    system.gradient(m, n, g);
    axpyField(z, h, g, y, d, n);
    double tol = solve.tolerance();
    for (int it = 1; it <= solve.maxIterations(); it++) {
      for (int i = 0; i < len; i++) m[i] = 0.5 * (z[i] + y[i]);
      system.gradient(m, n, g);
      double change = 0;
      int worst = 0;
      for (int k = 0; k < dim; k++) {
        int src = k < d ? (k + d) : (k - d);
        double sign = k < d ? h : -h;
        for (int b = 0; b < n; b++) {
          int i = k * n + b;
          double next = z[i] + sign * g[src * n + b];
          double c = Math.abs(next - y[i]) / Math.max(1.0, Math.abs(next));
          if (!(c <= change)) {
            change = c;
            worst = b;
          }
          y[i] = next;
        }
      }
      if (!Double.isFinite(change)) return StepStatus.nonFinite(worst);
      if (change <= tol) {
        System.arraycopy(y, 0, z, 0, len);
        return StepStatus.OK;
      }
      if (it == solve.maxIterations()) return StepStatus.notConverged(worst, change, it);
    }
    throw new AssertionError("unreachable");
  }

  /** out = z + c·J g, with J g = (g_p, −g_q). */
  static void axpyField(double[] z, double c, double[] g, double[] out, int d, int n) {
    int half = d * n;
    for (int i = 0; i < half; i++) {
      out[i] = z[i] + c * g[half + i];
      out[half + i] = z[half + i] - c * g[i];
    }
  }
}

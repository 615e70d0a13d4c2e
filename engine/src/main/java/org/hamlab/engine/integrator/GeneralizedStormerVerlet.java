package org.hamlab.engine.integrator;

import org.hamlab.engine.system.Hamiltonian;

/**
 * Generalised Störmer–Verlet for any H (paper.md §6.3, "true generalised Störmer–Verlet"):
 * <pre>
 *   p_½ = p − (h/2) ∂_qH(q, p_½)                         implicit in p_½
 *   q₁  = q + (h/2) [∂_pH(q, p_½) + ∂_pH(q₁, p_½)]       implicit in q₁
 *   p₁  = p_½ − (h/2) ∂_qH(q₁, p_½)                      explicit
 * </pre>
 * Order 2, symplectic for every H, symmetric (Hairer, Lubich &amp; Wanner, GNI §VI.3, (3.4)).
 * Both implicit equations are solved by fixed-point sweeps to {@link ImplicitSolve#tolerance()};
 * rows where the sweeps do not contract are re-solved by Newton's method with the exact Hessian
 * blocks (d×d solves) when the fallback is {@code NEWTON}. For separable H it equals {@link
 * Leapfrog} (the sweeps converge at once).
 */
public record GeneralizedStormerVerlet(ImplicitSolve solve) implements Integrator, Implicit, Symplectic {

  public GeneralizedStormerVerlet {
    if (solve == null) throw new IllegalArgumentException("solve settings must not be null");
  }

  public GeneralizedStormerVerlet() {
    this(ImplicitSolve.defaults());
  }

  @Override public String name() { return "generalized-stormer-verlet"; }

  @Override public int order() { return 2; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    int half = system.dof() * n, len = 2 * half;
    double[] g = ws.state(0), w = ws.state(1), a = ws.state(2);
    // p_½: w = (q, p_½), starting from p_½ = p
    System.arraycopy(z, 0, w, 0, len);
    StepStatus st = iterate(system, h, z, w, g, a, n, half, true);
    if (!st.ok()) return st;
    // a = ∂_pH(q, p_½) (from the last gradient at (q, p_½)); q₁ starts at q + h a
    system.gradient(w, n, g);
    System.arraycopy(g, half, a, 0, half);
    for (int i = 0; i < half; i++) w[i] = z[i] + h * a[i];
    st = iterate(system, h, z, w, g, a, n, half, false);
    if (!st.ok()) return st;
    system.gradient(w, n, g);
    for (int i = 0; i < half; i++) w[half + i] -= 0.5 * h * g[i];
    int bad = Steps.firstNonFinite(w, len / n, n);
    if (bad >= 0) return StepStatus.nonFinite(bad);
    System.arraycopy(w, 0, z, 0, len);
    return StepStatus.OK;
  }

  /** Fixed point on the p-half (momentum) or the q-half (position) of w. */
  private StepStatus iterate(Hamiltonian system, double h, double[] z, double[] w, double[] g, double[] a,
      int n, int half, boolean momentum) {
    double prev = Double.POSITIVE_INFINITY;
    int stalled = 0;
    for (int it = 1; it <= solve.maxIterations(); it++) {
      system.gradient(w, n, g);
      double change = 0;
      for (int i = 0; i < half; i++) {
        double next = momentum ? z[half + i] - 0.5 * h * g[i] : z[i] + 0.5 * h * (a[i] + g[half + i]);
        int at = momentum ? half + i : i;
        change = Math.max(change, Math.abs(next - w[at]) / Math.max(1.0, Math.abs(next)));
        w[at] = next;
      }
      if (change <= solve.tolerance()) return StepStatus.OK;
      stalled = change < prev ? 0 : stalled + 1;
      if (!Double.isFinite(change) || stalled >= 3) break;
      prev = change;
    }
    return rescue(system, h, z, w, g, a, n, half, momentum);
  }

  /** Rows whose sweeps failed: Newton on that row's half (if enabled), else the failure. */
  private StepStatus rescue(Hamiltonian system, double h, double[] z, double[] w, double[] g, double[] a,
      int n, int half, boolean momentum) {
    int d = half / n, dim = 2 * d;
    system.gradient(w, n, g);
    double[] row = new double[dim], gb = new double[dim], hess = new double[dim * dim];
    double[] jac = new double[d * d], f = new double[d];
    for (int b = 0; b < n; b++) {
      double r = 0;
      for (int j = 0; j < d; j++) {
        int i = j * n + b;
        double next = momentum ? z[half + i] - 0.5 * h * g[i] : z[i] + 0.5 * h * (a[i] + g[half + i]);
        double c = Math.abs(next - w[momentum ? half + i : i]) / Math.max(1.0, Math.abs(next));
        r = Double.isNaN(c) ? c : Math.max(r, c);
      }
      if (r <= solve.tolerance()) continue;
      if (solve.fallback() == ImplicitSolve.Fallback.NONE) {
        return Double.isFinite(r)
            ? StepStatus.notConverged(b, r, solve.maxIterations())
            : StepStatus.nonFinite(b);
      }
      // start from the explicit guess: p_½ = p or q₁ = q + h a
      for (int k = 0; k < dim; k++) {
        row[k] = momentum || k >= d ? z[k * n + b] : z[k * n + b] + h * a[k * n + b];
      }
      if (!momentum) for (int k = d; k < dim; k++) row[k] = w[k * n + b];
      double change = Double.NaN;
      for (int it = 0; it < solve.maxIterations(); it++) {
        system.gradient(row.clone(), 1, gb);
        system.hessian(row.clone(), 1, hess);
        for (int i = 0; i < d; i++) {
          int zi = i * n + b;
          // momentum: F = P − p + (h/2)∂_qH(q, P), ∂F/∂P = I + (h/2)∂²H/∂q∂p
          // position: F = Q − q − (h/2)(a + ∂_pH(Q, P)), ∂F/∂Q = I − (h/2)∂²H/∂p∂q
          f[i] = momentum ? -(row[d + i] - z[half + zi] + 0.5 * h * gb[i])
              : -(row[i] - z[zi] - 0.5 * h * (a[zi] + gb[d + i]));
          for (int j = 0; j < d; j++) {
            jac[i * d + j] = (i == j ? 1 : 0)
                + (momentum ? 0.5 * h * hess[i * dim + d + j] : -0.5 * h * hess[(d + i) * dim + j]);
          }
        }
        if (!StageNewton.solveDense(jac, f, d)) break;
        change = 0;
        for (int i = 0; i < d; i++) {
          int at = momentum ? d + i : i;
          row[at] += f[i];
          change = Math.max(change, Math.abs(f[i]) / Math.max(1.0, Math.abs(row[at])));
        }
        if (!(change > solve.tolerance())) break;
      }
      if (!(change <= solve.tolerance())) {
        return Double.isFinite(change) ? StepStatus.notConverged(b, change, solve.maxIterations())
            : StepStatus.nonFinite(b);
      }
      for (int i = 0; i < d; i++) {
        if (momentum) w[half + i * n + b] = row[d + i];
        else w[i * n + b] = row[i];
      }
    }
    return StepStatus.OK;
  }
}

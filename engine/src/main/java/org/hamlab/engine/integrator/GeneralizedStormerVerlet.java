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
 * the Newton fallback is not implemented here, so a non-contracting row is reported as
 * NOT_CONVERGED (use {@link ImplicitMidpoint} for stiff problems). For separable H it equals
 * {@link Leapfrog} (the sweeps converge at once).
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
    double prev = Double.POSITIVE_INFINITY, change = Double.NaN;
    int stalled = 0;
    for (int it = 1; it <= solve.maxIterations(); it++) {
      system.gradient(w, n, g);
      change = 0;
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
    int row = worstRow(system, h, z, w, g, a, n, half, momentum);
    return Double.isFinite(change) ? StepStatus.notConverged(row, change, solve.maxIterations())
        : StepStatus.nonFinite(row);
  }

  private static int worstRow(Hamiltonian system, double h, double[] z, double[] w, double[] g, double[] a,
      int n, int half, boolean momentum) {
    system.gradient(w, n, g);
    int worst = 0;
    double max = -1;
    for (int i = 0; i < half; i++) {
      double next = momentum ? z[half + i] - 0.5 * h * g[i] : z[i] + 0.5 * h * (a[i] + g[half + i]);
      double r = Math.abs(next - w[momentum ? half + i : i]);
      if (!(r <= max)) {
        max = r;
        worst = i % n;
        if (Double.isNaN(r)) break;
      }
    }
    return worst;
  }
}

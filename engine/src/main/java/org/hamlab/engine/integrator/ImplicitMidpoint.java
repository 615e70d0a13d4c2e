package org.hamlab.engine.integrator;

import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Implicit midpoint rule, y₁ = y₀ + h J∇H((y₀ + y₁)/2) (paper.md §6.1). Order 2, symplectic,
 * symmetric; preserves quadratic invariants exactly. The recommended integrator (ground truth of
 * the paper's data and the model's step).
 *
 * <p><b>Converged mode</b> ({@code faithful == null}, the default): RK2 predictor
 * y* = y + h f(y + (h/2) f(y)) (paper.md §6.2), then fixed-point sweeps
 * y⁽ᵏ⁾ = y + h f((y + y⁽ᵏ⁻¹⁾)/2) until the relative max-norm change is ≤ {@link
 * ImplicitSolve#tolerance()}. Where the sweeps do not contract (roughly h‖∂f/∂y‖ &gt; 2, stiff
 * rows) and the fallback is {@link ImplicitSolve.Fallback#NEWTON}, only the rows that failed are
 * re-solved by Newton's method with the exact Hessian ({@link StageNewton}).
 *
 * <p><b>Faithful mode</b> reproduces the authors' procedure (paper.md §6.1, §13): the same
 * predictor, the half-step guess y⁽⁰⁾ = y + (h/2) f(y*), exactly {@link Faithful#sweeps()} sweeps
 * (5 in their data generation, 6 in training and evaluation), optionally rounding every
 * intermediate array to float32 like their torch default. Not converged, so only approximately
 * symplectic; use it to compare with the authors, not for new results.
 *
 * @param solve tolerance, iteration cap and fallback of the converged mode
 * @param faithful the authors' fixed-sweep procedure, or {@code null} for the converged mode
 */
public record ImplicitMidpoint(ImplicitSolve solve, Faithful faithful)
    implements Integrator, Implicit, Symplectic {

  /**
   * The authors' procedure: a fixed number of sweeps from the half-step guess.
   *
   * @param sweeps fixed-point sweeps K (5: data generation, 6: training)
   * @param float32 round the state and every intermediate to float, like torch float32
   */
  public record Faithful(int sweeps, boolean float32) {
    public Faithful {
      if (sweeps < 1) {
        throw new IllegalArgumentException("sweeps must be ≥ 1, got " + sweeps
            + " (the authors use 5 or 6)");
      }
    }
  }

  public ImplicitMidpoint {
    if (solve == null) throw new IllegalArgumentException("solve settings must not be null");
  }

  /** Converged to round-off, Newton fallback. */
  public ImplicitMidpoint() {
    this(ImplicitSolve.defaults(), null);
  }

  /** Converged mode with the given solve settings. */
  public ImplicitMidpoint(ImplicitSolve solve) {
    this(solve, null);
  }

  /** The authors' procedure with {@code sweeps} sweeps, in float32 arithmetic or in double. */
  public static ImplicitMidpoint faithful(int sweeps, boolean float32) {
    return new ImplicitMidpoint(ImplicitSolve.defaults(), new Faithful(sweeps, float32));
  }

  public ImplicitMidpoint withSolve(ImplicitSolve s) {
    return new ImplicitMidpoint(s, faithful);
  }

  @Override public String name() {
    return faithful == null ? "implicit-midpoint" : "implicit-midpoint-faithful";
  }

  @Override public int order() { return 2; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    return faithful == null ? converged(system, h, z, n, ws) : authors(system, h, z, n, ws);
  }

  private StepStatus converged(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    int d = system.dof(), len = 2 * d * n;
    double[] g = ws.state(0), y = ws.state(1), m = ws.state(2);
    // predictor (paper.md §6.2): y* = z + h f(z + h/2 f(z)), f = J∇H
    system.gradient(z, n, g);
    Ops.fieldStep(z, 0.5 * h, g, m, d, n);
    system.gradient(m, n, g);
    Ops.fieldStep(z, h, g, y, d, n);
    double tol = solve.tolerance(), prev = Double.POSITIVE_INFINITY;
    int stalled = 0;
    for (int it = 1; it <= solve.maxIterations(); it++) {
      // corrector (paper.md §6.1): y ← z + h f((z + y)/2)
      Ops.average(z, y, m, len);
      system.gradient(m, n, g);
      double change = Ops.fieldStepChange(z, h, g, y, d, n);
      if (change <= tol) {
        System.arraycopy(y, 0, z, 0, len);
        return StepStatus.OK;
      }
      stalled = change < prev ? 0 : stalled + 1;
      if (!Double.isFinite(change) || stalled >= 3) break;
      prev = change;
    }
    return rescue(system, h, z, n, ws);
  }

  /** Rows whose fixed point failed: Newton (if enabled) from the explicit-Euler slope. */
  private StepStatus rescue(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    int d = system.dof(), dim = 2 * d, len = dim * n;
    double[] g = ws.state(0), y = ws.state(1), m = ws.state(2);
    Ops.average(z, y, m, len);
    system.gradient(m, n, g);
    double tol = solve.tolerance();
    double[] zb = new double[dim], k = new double[dim], gb = new double[dim];
    for (int b = 0; b < n; b++) {
      double r = 0;
      for (int c = 0; c < dim; c++) {
        double next = z[c * n + b] + (c < d ? h * g[(c + d) * n + b] : -h * g[(c - d) * n + b]);
        r = Math.max(r, Math.abs(next - y[c * n + b]) / Math.max(1.0, Math.abs(next)));
      }
      if (r <= tol) continue;
      if (solve.fallback() == ImplicitSolve.Fallback.NONE) {
        return Double.isFinite(r)
            ? StepStatus.notConverged(b, r, solve.maxIterations())
            : StepStatus.nonFinite(b);
      }
      for (int c = 0; c < dim; c++) zb[c] = z[c * n + b];
      system.gradient(zb.clone(), 1, gb);
      for (int c = 0; c < dim; c++) k[c] = c < d ? gb[c + d] : -gb[c - d];
      double res = StageNewton.solve(system, ButcherTableau.IMPLICIT_MIDPOINT, h, zb, k, solve);
      if (!(res <= tol)) {
        return Double.isNaN(res)
            ? StepStatus.nonFinite(b)
            : StepStatus.notConverged(b, res, solve.maxIterations());
      }
      for (int c = 0; c < dim; c++) y[c * n + b] = zb[c] + h * k[c];
    }
    System.arraycopy(y, 0, z, 0, len);
    return StepStatus.OK;
  }

  private StepStatus authors(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    int d = system.dof(), len = 2 * d * n;
    boolean f32 = faithful.float32();
    double[] g = ws.state(0), y = ws.state(1), m = ws.state(2);
    double hh = f32 ? (float) h : h, half = 0.5 * hh;
    if (f32) round(z, len);
    // predictor y* (paper.md §6.2)
    gradient(system, z, n, g, f32, len);
    Ops.fieldStep(z, half, g, m, d, n);
    if (f32) round(m, len);
    gradient(system, m, n, g, f32, len);
    Ops.fieldStep(z, hh, g, y, d, n);
    if (f32) round(y, len);
    // half-step initial guess y⁽⁰⁾ = z + (h/2) f(y*) (paper.md §6.1 step 2)
    gradient(system, y, n, g, f32, len);
    Ops.fieldStep(z, half, g, y, d, n);
    if (f32) round(y, len);
    for (int k = 0; k < faithful.sweeps(); k++) {
      Ops.average(z, y, m, len);
      if (f32) round(m, len);
      gradient(system, m, n, g, f32, len);
      Ops.fieldStep(z, hh, g, y, d, n);
      if (f32) round(y, len);
    }
    int bad = Steps.firstNonFinite(y, 2 * d, n);
    if (bad >= 0) return StepStatus.nonFinite(bad);
    System.arraycopy(y, 0, z, 0, len);
    return StepStatus.OK;
  }

  private static void gradient(Hamiltonian system, double[] z, int n, double[] g, boolean f32, int len) {
    system.gradient(z, n, g);
    if (f32) round(g, len);
  }

  private static void round(double[] a, int len) {
    for (int i = 0; i < len; i++) a[i] = (float) a[i];
  }
}

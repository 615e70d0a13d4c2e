package org.hamlab.engine.integrator;

import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Hamiltonian;

/**
 * The classical explicit Runge–Kutta method of order 4 ({@link ButcherTableau#CLASSICAL_RK4}),
 * optionally taking {@code substeps} equal sub-steps of h/substeps per step. Not symplectic: the
 * energy drifts over long runs. Use it as an accurate non-symplectic reference (e.g. ground
 * truth for data with small sub-steps), not for long-time geometry.
 *
 * @param substeps sub-steps per step, ≥ 1
 */
public record RungeKutta4(int substeps) implements Integrator {

  public RungeKutta4 {
    if (substeps < 1) throw new IllegalArgumentException("substeps must be ≥ 1, got " + substeps);
  }

  public RungeKutta4() {
    this(1);
  }

  @Override public String name() { return "rk4"; }

  @Override public int order() { return 4; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    int d = system.dof(), len = 2 * d * n;
    double[] g = ws.state(0), sum = ws.state(1), m = ws.state(2);
    double dt = h / substeps;
    for (int sub = 0; sub < substeps; sub++) {
      // k_i = J g_i; z ← z + dt/6 J(g1 + 2 g2 + 2 g3 + g4)
      system.gradient(z, n, g);
      System.arraycopy(g, 0, sum, 0, len);
      Ops.fieldStep(z, 0.5 * dt, g, m, d, n);
      system.gradient(m, n, g);
      Ops.axpy(2.0, g, sum, sum, len);
      Ops.fieldStep(z, 0.5 * dt, g, m, d, n);
      system.gradient(m, n, g);
      Ops.axpy(2.0, g, sum, sum, len);
      Ops.fieldStep(z, dt, g, m, d, n);
      system.gradient(m, n, g);
      Ops.axpy(1.0, g, sum, sum, len);
      Ops.fieldStep(z, dt / 6, sum, z, d, n);
    }
    int bad = Steps.firstNonFinite(z, 2 * d, n);
    return bad < 0 ? StepStatus.OK : StepStatus.nonFinite(bad);
  }
}

package org.hamlab.engine.integrator;

import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Leapfrog / Störmer–Verlet for separable H = T(p) + V(q), kick–drift–kick:
 * p_½ = p − (h/2)∂_qH(q), q₁ = q + h ∂_pH(p_½), p₁ = p_½ − (h/2)∂_qH(q₁) (paper.md §6.3, the
 * separable case). Order 2, symplectic, symmetric, explicit. Refuses a non-separable system
 * (then it is neither explicit nor symplectic); use {@link GeneralizedStormerVerlet} there.
 */
public record Leapfrog() implements Integrator, Symplectic {

  @Override public String name() { return "leapfrog"; }

  @Override public int order() { return 2; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    Steps.requireSeparable(this, system);
    int half = system.dof() * n;
    double[] g = ws.state(0);
    system.gradient(z, n, g);
    Ops.addScaled(-0.5 * h, g, 0, z, half, half);
    system.gradient(z, n, g);
    Ops.addScaled(h, g, half, z, 0, half);
    system.gradient(z, n, g);
    Ops.addScaled(-0.5 * h, g, 0, z, half, half);
    int bad = Steps.firstNonFinite(z, 2 * system.dof(), n);
    return bad < 0 ? StepStatus.OK : StepStatus.nonFinite(bad);
  }
}

package org.hamlab.engine.testing;

import org.hamlab.engine.system.Hamiltonian;

/**
 * Test problem H = (ω/2)(q² + p²), d = 1, with exact flow a rotation by angle ωt:
 * q(t) = q cos ωt + p sin ωt, p(t) = −q sin ωt + p cos ωt. Large ω makes it stiff
 * (h·‖∂f/∂y‖ = hω). Separable.
 */
public record Oscillator(double omega) implements Hamiltonian {
  @Override public String name() { return "oscillator(" + omega + ")"; }

  @Override public int dof() { return 1; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) out[b] = 0.5 * omega * (z[b] * z[b] + z[n + b] * z[n + b]);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int i = 0; i < 2 * n; i++) out[i] = omega * z[i];
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int i = 0; i < 2 * n; i++) out[i] = omega * v[i];
  }

  /** Exact state at time t from (q, p). */
  public double[] exact(double q, double p, double t) {
    double c = Math.cos(omega * t), s = Math.sin(omega * t);
    return new double[] {q * c + p * s, -q * s + p * c};
  }
}

package org.hamlab.engine.testing;

import org.hamlab.engine.system.Hamiltonian;

/** Test problem H = ω(q²/2 + p²/2 + α q p), d = 1: the coupled oscillator made stiff by ω. Non-separable. */
public record ScaledCoupledOscillator(double omega, double alpha) implements Hamiltonian {
  @Override public String name() { return "scaled-coupled-oscillator"; }

  @Override public int dof() { return 1; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = omega * (0.5 * q * q + 0.5 * p * p + alpha * q * p);
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = omega * (q + alpha * p);
      out[n + b] = omega * (p + alpha * q);
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      out[b] = omega * (v[b] + alpha * v[n + b]);
      out[n + b] = omega * (v[n + b] + alpha * v[b]);
    }
  }
}

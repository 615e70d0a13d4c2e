package org.hamlab.bench;

import org.hamlab.engine.system.Hamiltonian;

/**
 * The PyTorch peer's coupled harmonic oscillator ({@code coupled_ho} in torch_hnn.py), d = 2:
 * H = (q₁² + q₂² + p₁² + p₂²)/2 + α q₁ q₂ with α = 0.1. Not the paper's coupled oscillator (d = 1,
 * H = q²/2 + p²/2 + α q p, {@link org.hamlab.engine.system.CoupledOscillator}). State layout
 * (q₁, q₂, p₁, p₂), component k of row b at {@code z[k*n + b]}.
 */
record PeerCoupledOscillator(double alpha) implements Hamiltonian {
  /** torch_hnn.py's ALPHA. */
  static final double PEER_ALPHA = 0.1;

  PeerCoupledOscillator() {
    this(PEER_ALPHA);
  }

  @Override
  public String name() {
    return "peer-coupled-oscillator";
  }

  @Override
  public int dof() {
    return 2;
  }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], p1 = z[2 * n + b], p2 = z[3 * n + b];
      out[b] = 0.5 * (q1 * q1 + q2 * q2 + p1 * p1 + p2 * p2) + alpha * q1 * q2;
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b];
      out[b] = q1 + alpha * q2;
      out[n + b] = q2 + alpha * q1;
      out[2 * n + b] = z[2 * n + b];
      out[3 * n + b] = z[3 * n + b];
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double v1 = v[b], v2 = v[n + b];
      out[b] = v1 + alpha * v2;
      out[n + b] = v2 + alpha * v1;
      out[2 * n + b] = v[2 * n + b];
      out[3 * n + b] = v[3 * n + b];
    }
  }

  @Override
  public boolean separable() {
    return true;
  }
}

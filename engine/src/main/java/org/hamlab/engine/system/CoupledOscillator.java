package org.hamlab.engine.system;

import org.hamlab.engine.simd.Ops;

/**
 * Coupled harmonic oscillator, H = q²/2 + p²/2 + α q p (paper.md §2), α = 0.5 by default:
 * q̇ = p + αq, ṗ = −q − αp. Non-separable but linear; d = 1.
 */
public record CoupledOscillator(double alpha) implements Hamiltonian {

  public static final double DEFAULT_ALPHA = 0.5;

  public CoupledOscillator {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite, got " + alpha);
    }
  }

  public CoupledOscillator() {
    this(DEFAULT_ALPHA);
  }

  @Override public String name() { return "coupled-oscillator"; }

  @Override public int dof() { return 1; }

  @Override
  public void value(double[] z, int n, double[] out) {
    Ops.coupledOscillatorValue(alpha, z, n, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    Ops.coupledOscillatorGradient(alpha, z, n, out);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double vq = v[b], vp = v[n + b];
      out[b] = vq + alpha * vp;
      out[n + b] = vp + alpha * vq;
    }
  }
}

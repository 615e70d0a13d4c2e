package org.hamlab.engine.system;

/** Double well, H = p²/2 + q⁴/4 − q²/2 (paper.md §2): q̇ = p, ṗ = q − q³. Separable, d = 1. */
public record DoubleWell() implements Hamiltonian {

  @Override public String name() { return "double-well"; }

  @Override public int dof() { return 1; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b], q2 = q * q;
      out[b] = 0.5 * p * p + 0.25 * q2 * q2 - 0.5 * q2;
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b];
      out[b] = q * q * q - q;
      out[n + b] = z[n + b];
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b];
      out[b] = (3 * q * q - 1) * v[b];
      out[n + b] = v[n + b];
    }
  }
}

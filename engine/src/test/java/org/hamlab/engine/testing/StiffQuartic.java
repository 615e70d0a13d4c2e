package org.hamlab.engine.testing;

import org.hamlab.engine.system.Hamiltonian;

/**
 * Test problem H = p²/2 + k q⁴/4 (d = 1): the stiffness ‖∂f/∂y‖ ≈ √(3k) |q| grows with |q|, so in
 * one batch small-|q| rows are easy for fixed-point iteration and large-|q| rows are stiff.
 * Deliberately not marked separable, so that integrators treat it as a general H.
 */
public record StiffQuartic(double k) implements Hamiltonian {
  @Override public String name() { return "stiff-quartic(" + k + ")"; }

  @Override public int dof() { return 1; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * p * p + 0.25 * k * q * q * q * q;
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b];
      out[b] = k * q * q * q;
      out[n + b] = z[n + b];
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b];
      out[b] = 3 * k * q * q * v[b];
      out[n + b] = v[n + b];
    }
  }
}

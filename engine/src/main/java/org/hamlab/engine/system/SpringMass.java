package org.hamlab.engine.system;

import org.hamlab.engine.simd.Ops;

/** Spring-mass (harmonic oscillator), H = p²/2 + q²/2 with m = k = 1 (paper.md §2). Separable, d = 1. */
public record SpringMass() implements Hamiltonian {

  @Override public String name() { return "spring-mass"; }

  @Override public int dof() { return 1; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    Ops.springMassValue(z, n, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    System.arraycopy(z, 0, out, 0, 2 * n);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    System.arraycopy(v, 0, out, 0, 2 * n);
  }
}

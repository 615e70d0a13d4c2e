package org.hamlab.engine.system;

/** Spring-mass (harmonic oscillator), H = p²/2 + q²/2 with m = k = 1 (paper.md §2). Separable, d = 1. */
public record SpringMass() implements Hamiltonian {

  @Override public String name() { return "spring-mass"; }

  @Override public int dof() { return 1; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (p * p + q * q);
    }
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

package org.hamlab.engine.system;

/**
 * Hénon–Heiles, H = (p₁²+p₂²)/2 + (q₁²+q₂²)/2 + q₁²q₂ − q₂³/3 (paper.md §2, λ = 1). Separable, d = 2.
 */
public record HenonHeiles() implements Hamiltonian {

  @Override public String name() { return "henon-heiles"; }

  @Override public int dof() { return 2; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], p1 = z[2 * n + b], p2 = z[3 * n + b];
      out[b] = 0.5 * (p1 * p1 + p2 * p2) + 0.5 * (q1 * q1 + q2 * q2) + q1 * q1 * q2 - q2 * q2 * q2 / 3.0;
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b];
      out[b] = q1 + 2 * q1 * q2;
      out[n + b] = q2 + q1 * q1 - q2 * q2;
      out[2 * n + b] = z[2 * n + b];
      out[3 * n + b] = z[3 * n + b];
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], v1 = v[b], v2 = v[n + b];
      out[b] = (1 + 2 * q2) * v1 + 2 * q1 * v2;
      out[n + b] = 2 * q1 * v1 + (1 - 2 * q2) * v2;
      out[2 * n + b] = v[2 * n + b];
      out[3 * n + b] = v[3 * n + b];
    }
  }
}

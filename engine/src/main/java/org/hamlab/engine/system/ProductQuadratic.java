package org.hamlab.engine.system;

/**
 * H = (q² + 1)(p² + 1)/2: a genuinely non-separable, non-linear benchmark (the paper's only
 * non-separable system is linear). q̇ = p(q²+1), ṗ = −q(p²+1); d = 1.
 */
public record ProductQuadratic() implements Hamiltonian {

  @Override public String name() { return "product-quadratic"; }

  @Override public int dof() { return 1; }

  @Override
  public void value(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (q * q + 1) * (p * p + 1);
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = q * (p * p + 1);
      out[n + b] = p * (q * q + 1);
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b], vq = v[b], vp = v[n + b];
      out[b] = (p * p + 1) * vq + 2 * q * p * vp;
      out[n + b] = 2 * q * p * vq + (q * q + 1) * vp;
    }
  }
}

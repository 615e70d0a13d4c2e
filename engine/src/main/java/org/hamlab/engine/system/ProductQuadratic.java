package org.hamlab.engine.system;

import org.hamlab.engine.simd.Ops;

/**
 * H = (q² + 1)(p² + 1)/2: a genuinely non-separable, non-linear benchmark (the paper's only
 * non-separable system is linear). q̇ = p(q²+1), ṗ = −q(p²+1); d = 1.
 */
public record ProductQuadratic() implements Hamiltonian {

  @Override public String name() { return "product-quadratic"; }

  @Override public int dof() { return 1; }

  @Override
  public void value(double[] z, int n, double[] out) {
    Ops.productQuadraticValue(z, n, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    Ops.productQuadraticGradient(z, n, out);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    Ops.productQuadraticHessianVector(z, v, n, out);
  }
}

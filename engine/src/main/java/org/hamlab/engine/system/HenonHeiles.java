package org.hamlab.engine.system;

import org.hamlab.engine.simd.Ops;

/**
 * Hénon–Heiles, H = (p₁²+p₂²)/2 + (q₁²+q₂²)/2 + q₁²q₂ − q₂³/3 (paper.md §2, λ = 1). Separable, d = 2.
 */
public record HenonHeiles() implements Hamiltonian {

  @Override public String name() { return "henon-heiles"; }

  @Override public int dof() { return 2; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    Ops.henonHeilesValue(z, n, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    Ops.henonHeilesGradient(z, n, out);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    Ops.henonHeilesHessianVector(z, v, n, out);
  }
}

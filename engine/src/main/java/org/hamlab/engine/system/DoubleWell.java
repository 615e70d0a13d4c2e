package org.hamlab.engine.system;

import org.hamlab.engine.simd.Ops;

/** Double well, H = p²/2 + q⁴/4 − q²/2 (paper.md §2): q̇ = p, ṗ = q − q³. Separable, d = 1. */
public record DoubleWell() implements Hamiltonian {

  @Override public String name() { return "double-well"; }

  @Override public int dof() { return 1; }

  @Override public boolean separable() { return true; }

  @Override
  public void value(double[] z, int n, double[] out) {
    Ops.doubleWellValue(z, n, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    Ops.doubleWellGradient(z, n, out);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    Ops.doubleWellHessianVector(z, v, n, out);
  }
}

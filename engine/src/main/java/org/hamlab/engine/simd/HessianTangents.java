package org.hamlab.engine.simd;

/**
 * Directions v computed from the Hessian, row by row, in the middle of a fused pass ({@link
 * MlpOps#hessianThenMixed}): the discrete adjoint's μ_n = (I − (h/2) S_n Jᵀ)⁻¹ λ_{n+1} and v = h
 * Jᵀμ_n (paper.md §7.3) need S_n first and feed v to the mixed derivative at the same point.
 */
@FunctionalInterface
public interface HessianTangents {
  /**
   * Writes rows {@code [from, from+rows)} of {@code v} (state layout, {@code n} rows) from the same
   * rows of {@code hessian} ({@code [(i*D + j)*n + b]}). May be called once per micro-tile, for
   * disjoint row ranges, from the engine's threads.
   */
  void tangents(double[] hessian, int n, int from, int rows, double[] v);
}

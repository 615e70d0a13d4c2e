package org.hamlab.engine.nn;

import org.hamlab.engine.simd.HessianTangents;
import org.hamlab.engine.system.Hamiltonian;

/**
 * A Hamiltonian H_θ with a flat parameter vector θ, as needed by the gradient methods
 * (paper.md §7.3, §7.4). Batch layout as in {@link Hamiltonian}.
 *
 * <p>Parameter gradients are <em>accumulated</em> ({@code grad += …}) so that a caller can sum
 * over time steps without extra buffers. Implementations must give bitwise the same accumulated
 * gradient whatever the thread count (fixed tiles, reduced in tile order).
 */
public interface ParametricHamiltonian extends Hamiltonian {

  /** Number of parameters |θ|. */
  int parameterCount();

  /**
   * The live flat parameter vector θ (not a copy): optimisers update it in place. Its layout is
   * documented by the implementation.
   */
  double[] parameters();

  /**
   * Mixed derivative (paper.md §7.4 item 4): {@code grad += Σ_b ∂θ [ v_b · ∇_z H_θ(z_b) ]}.
   *
   * @param z states, state layout, {@code n} rows
   * @param v directions, state layout, {@code n} rows
   * @param grad accumulator of length {@link #parameterCount()}
   */
  void accumulateMixed(double[] z, double[] v, int n, double[] grad);

  /**
   * Parameter gradient of H itself (paper.md §7.4 item 5): {@code grad += Σ_b w_b ∂θ H_θ(z_b)}.
   *
   * @param w weights per row, length ≥ n
   */
  void accumulateParameterGradient(double[] z, double[] w, int n, double[] grad);

  /**
   * Fused: {@code out = ∇²H_θ(z_b) v_b} per row and {@code grad += Σ_b ∂θ [v_b · ∇_z H_θ(z_b)]}
   * for the same z and v, as the discrete adjoint needs them once μ_n has converged (paper.md
   * §7.3: A_nᵀμ = ∇²H v and B_nᵀμ = ∂θ[v·∇H] with v = Jᵀμ). {@link Mlp} shares one forward,
   * reverse and tangent pass between the two. The default makes the two separate calls.
   */
  default void hessianVectorAndMixed(double[] z, double[] v, int n, double[] out, double[] grad) {
    hessianVector(z, v, n, out);
    accumulateMixed(z, v, n, grad);
  }

  /**
   * Fused: ∇_z H ({@code gradientOut}, state layout) and the full Hessian ({@code hessianOut},
   * {@code [(i*dim + j)*n + b]}) at the same points, e.g. for an explicit 2d×2d adjoint solve or a
   * Newton step. {@link Mlp} shares the forward and reverse pass. The default makes two calls.
   */
  default void gradientAndHessian(double[] z, int n, double[] gradientOut, double[] hessianOut) {
    gradient(z, n, gradientOut);
    hessian(z, n, hessianOut);
  }

  /**
   * Fused, for the discrete adjoint's backward step (paper.md §7.3): the full Hessian S at z
   * ({@code hessianOut}, {@code [(i*dim + j)*n + b]}), then the directions {@code v} computed from
   * it row by row by {@code tangents}, then {@code grad += Σ_b ∂θ [v_b · ∇_z H_θ(z_b)]}. {@link
   * Mlp} shares one forward and reverse pass between the two. The default makes the calls in turn.
   */
  default void hessianThenMixed(
      double[] z, int n, double[] hessianOut, HessianTangents tangents, double[] v, double[] grad) {
    hessian(z, n, hessianOut);
    tangents.tangents(hessianOut, n, 0, n, v);
    accumulateMixed(z, v, n, grad);
  }

  /** Fused: H ({@code valueOut}, length n) and ∇_z H ({@code gradientOut}) at the same points. */
  default void valueAndGradient(double[] z, int n, double[] valueOut, double[] gradientOut) {
    value(z, n, valueOut);
    gradient(z, n, gradientOut);
  }

  /** Called after {@link #parameters()} was modified, so cached derived data can be refreshed. */
  default void parametersChanged() {}
}

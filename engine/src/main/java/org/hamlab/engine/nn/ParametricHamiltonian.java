package org.hamlab.engine.nn;

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

  /** Called after {@link #parameters()} was modified, so cached derived data can be refreshed. */
  default void parametersChanged() {}
}

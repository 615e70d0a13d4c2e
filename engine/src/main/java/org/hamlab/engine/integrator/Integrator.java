package org.hamlab.engine.integrator;

import org.hamlab.engine.system.Hamiltonian;

/**
 * A one-step map z_n → z_{n+1} for a batch of states (layout: {@link Hamiltonian}).
 *
 * <p>Immutable and thread-safe. All scratch memory lives in a {@link Workspace} owned by one
 * thread. {@code step} never throws for numerical failure: it returns a {@link StepStatus}, and
 * {@link Rollout} turns a failure into an exception that names the step, the row and the state.
 * It does throw {@link IllegalArgumentException} for bad input (h ≤ 0, wrong dimension, a
 * non-separable system given to a method that needs separability).
 */
public interface Integrator {

  /** Registry key, lower-kebab, e.g. {@code "implicit-midpoint"}. */
  String name();

  /** Classical order of accuracy, checked empirically by the convergence tests. */
  int order();

  /** Scratch space for batches of up to {@code n} rows of {@code system}. */
  default Workspace workspace(Hamiltonian system, int n) {
    return new Workspace(system.dim(), n);
  }

  /**
   * Advances the first {@code n} rows of {@code z} in place by one step of size {@code h}.
   *
   * @param z state batch, length ≥ {@code dim*n}, component k of row b at {@code z[k*n+b]}
   */
  StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws);
}

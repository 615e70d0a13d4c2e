package org.hamlab.engine.integrator;

import org.hamlab.engine.system.Hamiltonian;

/**
 * A one-step map z_n → z_{n+1} for a batch of states (layout: {@link Hamiltonian}).
 *
 * <p>Immutable and thread-safe. All scratch memory lives in a {@link Workspace} owned by one
 * thread. {@code step} never throws for numerical failure: it returns a {@link StepStatus}, and
 * {@link Rollout} turns a failure into an exception that names the step, the row and the state.
 * It does throw {@link IllegalArgumentException} for bad input (h ≤ 0 or NaN, an array too short
 * for {@code n} rows, a non-separable system given to a method that needs separability).
 *
 * <p><b>Extended state.</b> Most integrators step the physical state (q, p) of {@link
 * Hamiltonian#dim()} components. An integrator that works in an extended phase space (Tao's
 * (q, p, x, y), paper.md §6.4) answers a larger {@link #stateDim}: its {@code step} receives
 * {@code stateDim*n} values in the same component-major layout, the physical (q, p) being
 * components {@code 0..dim-1}. {@link #extend} lifts a physical batch into that state; {@link
 * Rollout} does so and stores only the physical components.
 */
public interface Integrator {

  /** Registry key, lower-kebab, e.g. {@code "implicit-midpoint"}. */
  String name();

  /** Classical order of accuracy, checked empirically by the convergence tests. */
  int order();

  /** Components per row of the state {@code step} advances; {@code system.dim()} unless extended. */
  default int stateDim(Hamiltonian system) {
    return system.dim();
  }

  /**
   * Lifts a physical batch {@code z} ({@code dim*n}) into the stepped state {@code out}
   * ({@code stateDim*n}). The default copies; extended integrators fill the extra components.
   */
  default void extend(Hamiltonian system, double[] z, int n, double[] out) {
    System.arraycopy(z, 0, out, 0, system.dim() * n);
  }

  /** Scratch space for batches of up to {@code n} rows of {@code system}. */
  default Workspace workspace(Hamiltonian system, int n) {
    return new Workspace(stateDim(system), n);
  }

  /**
   * Advances the first {@code n} rows of {@code z} in place by one step of size {@code h}.
   *
   * @param z state batch, length ≥ {@code stateDim*n}, component k of row b at {@code z[k*n+b]}
   */
  StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws);
}

package org.hamlab.engine.system.formula;

/**
 * A compiled {@link Program} run over a whole batch. Arrays in the state layout of
 * {@link org.hamlab.engine.system.Hamiltonian}: {@code z[k*n + b]} (length dim·n), direction
 * {@code v[k*n + b]} (only read by Hessian-vector products; may be null otherwise), output o of row
 * b at {@code out[o*n + b]}. Implementations are immutable and thread-safe.
 */
interface Routine {
  /** Evaluates rows {@code [from, n)}. */
  void run(double[] z, double[] v, int n, int from, double[] out);
}

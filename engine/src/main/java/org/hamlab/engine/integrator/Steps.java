package org.hamlab.engine.integrator;

import org.hamlab.engine.system.Hamiltonian;

/** Argument checks shared by every {@code step}: cheap, so they run on every call. */
final class Steps {
  private Steps() {}

  static void check(Integrator integrator, Hamiltonian system, double h, double[] z, int n,
      Workspace ws) {
    if (!(h > 0) || h == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          integrator.name() + ": step size h must be finite and > 0, got " + h);
    }
    int dim = integrator.stateDim(system);
    if (n < 1) {
      throw new IllegalArgumentException(integrator.name() + ": batch must have ≥ 1 row, got " + n);
    }
    if (z.length < (long) dim * n) {
      throw new IllegalArgumentException(integrator.name() + " on " + system.name() + " needs " + dim
          + " components per row; " + n + " rows need " + dim * n + " values, got " + z.length);
    }
    if (ws.dim() != dim || ws.capacity() < n) {
      throw new IllegalArgumentException("workspace is for dim " + ws.dim() + " × " + ws.capacity()
          + " rows but the step needs dim " + dim + " × " + n + "; use integrator.workspace(system, n)");
    }
  }

  static void requireSeparable(Integrator integrator, Hamiltonian system) {
    if (!system.separable()) {
      throw new IllegalArgumentException(integrator.name() + " needs a separable Hamiltonian H = T(p) + V(q), but "
          + system.name() + " is not separable; use \"generalized-stormer-verlet\" or \"implicit-midpoint\","
          + " which are symplectic for any H");
    }
  }

  /** Index of the first row whose state has a non-finite component, or −1. */
  static int firstNonFinite(double[] z, int dim, int n) {
    for (int k = 0; k < dim; k++) {
      for (int b = 0; b < n; b++) {
        if (!Double.isFinite(z[k * n + b])) return b;
      }
    }
    return -1;
  }
}

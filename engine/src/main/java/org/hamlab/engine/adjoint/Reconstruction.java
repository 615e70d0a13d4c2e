package org.hamlab.engine.adjoint;

import org.hamlab.engine.system.Hamiltonian;

/**
 * Measures how far the backward reconstruction of {@link DiscreteAdjoint} (reversible implicit
 * midpoint, y_n = y_{n+1} − h f((y_n+y_{n+1})/2), reset at the kept states of a {@link Checkpoints}
 * policy) drifts from the forward states.
 */
public final class Reconstruction {
  private Reconstruction() {}

  /**
   * max over n, rows and components of |y_n(reconstructed) − y_n(forward)|.
   *
   * @param z0 initial states, state layout {@code [k*rows+b]}
   */
  public static double drift(
      Hamiltonian system,
      double h,
      MidpointSolve solve,
      Checkpoints checkpoints,
      double[] z0,
      int rows,
      int steps) {
    int dim = system.dim(), u = dim * rows;
    double[][] forward = new double[steps + 1][u];
    System.arraycopy(z0, 0, forward[0], 0, u);
    double[] g = new double[u], mid = new double[u];
    for (int n = 0; n < steps; n++) {
      WindowBatch.require(
          Midpoint.solve(system, h, forward[n], forward[n + 1], rows, solve, g, mid),
          "implicit-midpoint",
          h,
          n,
          0,
          forward[n],
          rows,
          dim);
    }
    double[] cur = forward[steps].clone(), prev = new double[u];
    double[] later1 = new double[u], later2 = new double[u];
    double worst = 0;
    int known = 0;
    for (int n = steps - 1; n >= 0; n--) {
      if (checkpoints.keeps(n, steps)) {
        System.arraycopy(forward[n], 0, prev, 0, u);
      } else {
        WindowBatch.require(
            Midpoint.reconstruct(system, h, cur, later1, later2, known, prev, rows, solve, g, mid),
            "implicit-midpoint (reverse reconstruction)",
            h,
            n + 1,
            0,
            cur,
            rows,
            dim);
      }
      for (int i = 0; i < u; i++) worst = Math.max(worst, Math.abs(prev[i] - forward[n][i]));
      double[] t = later2;
      later2 = later1;
      later1 = cur;
      cur = prev;
      prev = t;
      known = Math.min(known + 1, 2);
    }
    return worst;
  }
}

package org.hamlab.engine.adjoint;

import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.integrator.SolveException;
import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Moves one tile of rows between a window batch (trajectory layout {@code [(s*dim+k)*count+b]})
 * and tile arrays (state layout {@code [k*m+b]}), and computes residuals against observations.
 */
final class WindowTile {
  private WindowTile() {}

  /** out[k*m+b] = traj[(s*dim+k)*count + from + b]. */
  static void load(double[] traj, int count, int s, int dim, int from, int m, double[] out) {
    for (int k = 0; k < dim; k++) System.arraycopy(traj, (s * dim + k) * count + from, out, k * m, m);
  }

  /** Σ_b Σ_k (y − ŷ_s)². */
  static double squaredResidual(double[] y, double[] obs, int count, int s, int dim, int from, int m) {
    double sum = 0;
    for (int k = 0; k < dim; k++) {
      int base = (s * dim + k) * count + from;
      for (int b = 0; b < m; b++) {
        double r = y[k * m + b] - obs[base + b];
        sum += r * r;
      }
    }
    return sum;
  }

  /** out = a·x + c·(y − ŷ_s), elementwise ({@code x} may be null for a = 0). */
  static void addResidual(double a, double[] x, double c, double[] y, double[] obs, int count, int s,
      int dim, int from, int m, double[] out) {
    for (int k = 0; k < dim; k++) {
      int base = (s * dim + k) * count + from;
      for (int b = 0; b < m; b++) {
        int i = k * m + b;
        double r = c * (y[i] - obs[base + b]);
        out[i] = x == null ? r : a * x[i] + r;
      }
    }
  }

  /** Throws the engine's solve failure, naming the step, the row in the batch and the state. */
  static void require(StepStatus st, String what, double h, int step, int from, double[] before, int m, int dim) {
    if (!st.ok()) {
      throw new SolveException(what, h, step, from + st.row(), Rollout.row(before, m, dim, st.row()), st);
    }
  }

  /** Σ of the included squared residuals of a rollout (no gradient): the validation loss kernel. */
  static double rolloutLoss(Hamiltonian model, double[] start, double[] obs, int count, int points,
      double h, WindowLoss loss, MidpointSolve solve, int from, int m, Buffers buf) {
    int dim = model.dim(), u = dim * m;
    double[] cur = buf.get(u), nxt = buf.get(u), g = buf.get(u), mid = buf.get(u);
    load(start, count, 0, dim, from, m, cur);
    double sum = 0;
    for (int n = 0; n + 1 < points; n++) {
      require(Midpoint.solve(model, h, cur, nxt, m, solve, g, mid), "implicit-midpoint", h, n, from, cur, m, dim);
      double[] t = cur;
      cur = nxt;
      nxt = t;
      if (loss.includes(n + 1, points)) sum += squaredResidual(cur, obs, count, n + 1, dim, from, m);
    }
    return sum;
  }
}

package org.hamlab.engine.adjoint;

import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.integrator.SolveException;
import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.system.Hamiltonian;

/**
 * One window batch as the gradient methods see it: the model, the start states and observations
 * (trajectory layout {@code [(s*dim+k)*count+b]}), the batch's rows of them, h and the loss.
 * Moves a tile of batch rows {@code [from, from+m)} into tile arrays (state layout {@code
 * [k*m+b]}) and computes residuals. Batch row i is data row {@code rows[i]} (row i when {@code
 * rows} is null): a minibatch is read in place, inside the tiles, instead of being copied.
 *
 * @param start states the rollout starts from (point 0 is read)
 * @param obs observed states
 * @param count rows of the data arrays (their stride)
 * @param rows data row of each batch row, or null for all rows in order
 * @param points N+1
 */
record WindowBatch(
    Hamiltonian model,
    double[] start,
    double[] obs,
    int count,
    int[] rows,
    int points,
    double h,
    WindowLoss loss) {

  static WindowBatch of(Hamiltonian model, Trajectories w, int[] rows, WindowLoss loss) {
    if (rows != null) {
      for (int r : rows) {
        if (r < 0 || r >= w.count()) {
          throw new IndexOutOfBoundsException("batch row " + r + " is not a trajectory of " + w);
        }
      }
    }
    return new WindowBatch(
        model, loss.startStates(w), w.states(), w.count(), rows, w.points(), w.dt(), loss);
  }

  /** Rows B of the batch. */
  int size() {
    return rows == null ? count : rows.length;
  }

  /** The data row of batch row i (what errors name). */
  int row(int i) {
    return rows == null ? i : rows[i];
  }

  int dim() {
    return model.dim();
  }

  int steps() {
    return points - 1;
  }

  /** Denominator of the loss (see {@link WindowLoss#denominator}). */
  double denominator() {
    return loss.denominator(size(), points, model.dof());
  }

  /** True when point n enters the loss. */
  boolean includes(int n) {
    return loss.includes(n, points);
  }

  /** out[k*m+b] = start state component k of row from+b. */
  void loadStart(int from, int m, double[] out) {
    int dim = dim();
    for (int k = 0; k < dim; k++) {
      if (rows == null) {
        System.arraycopy(start, k * count + from, out, k * m, m);
      } else {
        for (int b = 0; b < m; b++) out[k * m + b] = start[k * count + rows[from + b]];
      }
    }
  }

  /** Σ_b Σ_k (y − ŷ_s)² over the tile. */
  double squaredResidual(double[] y, int s, int from, int m) {
    int dim = dim();
    double sum = 0;
    for (int k = 0; k < dim; k++) {
      int base = (s * dim + k) * count;
      for (int b = 0; b < m; b++) {
        double r = y[k * m + b] - obs[base + row(from + b)];
        sum += r * r;
      }
    }
    return sum;
  }

  /** out = a·x + c·(y − ŷ_s) elementwise ({@code x} may be null when a = 0). */
  void addResidual(
      double a, double[] x, double c, double[] y, int s, int from, int m, double[] out) {
    int dim = dim();
    for (int k = 0; k < dim; k++) {
      int base = (s * dim + k) * count;
      for (int b = 0; b < m; b++) {
        int i = k * m + b;
        double r = c * (y[i] - obs[base + row(from + b)]);
        out[i] = x == null ? r : a * x[i] + r;
      }
    }
  }

  /** Throws the engine's solve failure, naming the step, the data row and the state. */
  void require(StepStatus st, String what, int step, int from, double[] before, int m) {
    if (!st.ok()) {
      throw new SolveException(
          what, h, step, row(from + st.row()), Rollout.row(before, m, dim(), st.row()), st);
    }
  }

  static void require(
      StepStatus st, String what, double h, int step, int from, double[] before, int m, int dim) {
    if (!st.ok()) {
      throw new SolveException(
          what, h, step, from + st.row(), Rollout.row(before, m, dim, st.row()), st);
    }
  }

  /** Σ of the included squared residuals of one tile's rollout (no gradient): validation. */
  double rolloutLoss(MidpointSolve solve, int from, int m, Buffers buf) {
    int u = dim() * m;
    double[] cur = buf.get(u), nxt = buf.get(u), g = buf.get(u), mid = buf.get(u);
    double[] earlier1 = buf.get(u), earlier2 = buf.get(u);
    loadStart(from, m, cur);
    double sum = 0;
    for (int n = 0; n < steps(); n++) {
      require(
          Midpoint.advance(model, h, cur, earlier1, earlier2, n, nxt, m, solve, g, mid),
          "implicit-midpoint",
          n,
          from,
          cur,
          m);
      double[] t = earlier2;
      earlier2 = earlier1;
      earlier1 = cur;
      cur = nxt;
      nxt = t;
      if (includes(n + 1)) sum += squaredResidual(cur, n + 1, from, m);
    }
    return sum;
  }
}

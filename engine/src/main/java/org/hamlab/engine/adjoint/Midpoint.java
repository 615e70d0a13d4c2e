package org.hamlab.engine.adjoint;

import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Allocation-free kernels on one tile of {@code m} rows in the state layout ({@code z[k*m+b]}): the
 * implicit midpoint solve (forward, or reverse with h &lt; 0), J and Jᵀ, and the per-row adjoint
 * system. Arrays start at index 0 (the Hamiltonian API reads from 0).
 */
final class Midpoint {
  private Midpoint() {}

  /**
   * Solves y1 = y0 + h J∇H((y0 + y1)/2) (paper.md §6.1); with h &lt; 0 this reconstructs the state
   * before a step, y0' = y1' − |h| f(ȳ) (the reversible step of §7.3's checkpoint-free variant).
   * With a tolerance, the sweeps stop when the relative change is ≤ tol, or when it is below √tol
   * and no longer halves (the round-off floor of a float32 field), else fail after the cap.
   *
   * @param y0 start, {@code dim*m}; unchanged
   * @param y1 result, {@code dim*m}
   * @param g scratch {@code dim*m}
   * @param mid scratch {@code dim*m}
   */
  static StepStatus solve(
      Hamiltonian system,
      double h,
      double[] y0,
      double[] y1,
      int m,
      MidpointSolve s,
      double[] g,
      double[] mid) {
    return solve(system, h, y0, y1, m, s, g, mid, false);
  }

  /**
   * As {@link #solve(Hamiltonian, double, double[], double[], int, MidpointSolve, double[],
   * double[])}; with {@code guessed} the sweeps start from the content of {@code y1} instead of the
   * RK2 predictor (saving its two gradient evaluations).
   */
  static StepStatus solve(
      Hamiltonian system,
      double h,
      double[] y0,
      double[] y1,
      int m,
      MidpointSolve s,
      double[] g,
      double[] mid,
      boolean guessed) {
    int d = system.dof(), len = 2 * d * m;
    if (!guessed) {
      system.gradient(y0, m, g);
      axpyField(y0, 0.5 * h, g, mid, d, m);
      system.gradient(mid, m, g);
      axpyField(y0, h, g, y1, d, m);
      if (s.halfStepGuess()) {
        system.gradient(y1, m, g);
        axpyField(y0, 0.5 * h, g, y1, d, m);
      }
    }
    double tol = s.tolerance(), floor = Math.sqrt(tol), previous = Double.POSITIVE_INFINITY;
    for (int it = 1; it <= s.sweeps(); it++) {
      for (int i = 0; i < len; i++) mid[i] = 0.5 * (y0[i] + y1[i]);
      system.gradient(mid, m, g);
      if (tol == 0) {
        axpyField(y0, h, g, y1, d, m);
        continue;
      }
      double change = 0;
      int worst = 0, half = d * m;
      for (int i = 0; i < half; i++) {
        double q = y0[i] + h * g[half + i], p = y0[half + i] - h * g[i];
        double cq = Math.abs(q - y1[i]) / Math.max(1.0, Math.abs(q));
        double cp = Math.abs(p - y1[half + i]) / Math.max(1.0, Math.abs(p));
        double c = Math.max(cq, cp);
        if (!(c <= change)) {
          change = c;
          worst = i % m;
        }
        y1[i] = q;
        y1[half + i] = p;
      }
      if (!Double.isFinite(change)) return StepStatus.nonFinite(worst);
      // converged, or stalled at the round-off floor of the field (float32 kernels): below √tol
      // the iteration no longer contracts
      if (change <= tol || (change <= floor && change > 0.5 * previous)) return StepStatus.OK;
      if (it == s.sweeps()) return StepStatus.notConverged(worst, change, it);
      previous = change;
    }
    for (int i = 0; i < len; i++) {
      if (!Double.isFinite(y1[i])) return StepStatus.nonFinite(i % m);
    }
    return StepStatus.OK;
  }

  /**
   * Advances y0 = y_n to y1 = y_{n+1}. When {@link MidpointSolve#extrapolate()} and the two earlier
   * states y_{n−1} ({@code p1}), y_{n−2} ({@code p2}) are known ({@code known} = 2), the sweeps
   * start from 3y_n − 3y_{n−1} + y_{n−2}; otherwise from the predictor.
   */
  static StepStatus advance(
      Hamiltonian system,
      double h,
      double[] y0,
      double[] p1,
      double[] p2,
      int known,
      double[] y1,
      int m,
      MidpointSolve s,
      double[] g,
      double[] mid) {
    boolean guessed = s.extrapolate() && known >= 2;
    if (guessed) {
      int len = system.dim() * m;
      for (int i = 0; i < len; i++) y1[i] = 3 * (y0[i] - p1[i]) + p2[i];
    }
    return solve(system, h, y0, y1, m, s, g, mid, guessed);
  }

  /**
   * Reconstructs y_n from y_{n+1} ({@code y1}) by the reversible step y_n = y_{n+1} − h f(ȳ_n).
   * With the two later states y_{n+2}, y_{n+3} known ({@code known} = 2) the sweeps start from the
   * quadratic extrapolation 3y_{n+1} − 3y_{n+2} + y_{n+3} (error O(h³), like the RK2 predictor, but
   * free); otherwise from the RK2 predictor.
   */
  static StepStatus reconstruct(
      Hamiltonian system,
      double h,
      double[] y1,
      double[] y2,
      double[] y3,
      int known,
      double[] out,
      int m,
      MidpointSolve s,
      double[] g,
      double[] mid) {
    boolean guessed = known >= 2 && !s.halfStepGuess();
    if (guessed) {
      int len = system.dim() * m;
      for (int i = 0; i < len; i++) out[i] = 3 * (y1[i] - y2[i]) + y3[i];
    }
    return solve(system, -h, y1, out, m, s, g, mid, guessed);
  }

  /** out = z + c·J g with J g = (g_p, −g_q). */
  static void axpyField(double[] z, double c, double[] g, double[] out, int d, int m) {
    int half = d * m;
    for (int i = 0; i < half; i++) {
      out[i] = z[i] + c * g[half + i];
      out[half + i] = z[half + i] - c * g[i];
    }
  }

  /** out = c·Jᵀμ = c·(−μ_p, μ_q). */
  static void scaledJt(double[] mu, double c, double[] out, int d, int m) {
    scaledJt(mu, c, out, d, m, 0, m);
  }

  /** As above for rows {@code [from, from+rows)} of each component. */
  static void scaledJt(double[] mu, double c, double[] out, int d, int m, int from, int rows) {
    int half = d * m;
    for (int k = 0; k < d; k++) {
      for (int i = k * m + from, end = i + rows; i < end; i++) {
        out[i] = -c * mu[half + i];
        out[half + i] = c * mu[i];
      }
    }
  }

  /**
   * Solves (I − (h/2) S Jᵀ) μ = λ per row, S the Hessian in the layout of {@link
   * Hamiltonian#hessian} ({@code S[(i*dim+j)*m+b]}). (S Jᵀ)_ij = S_{i,j+d} for j &lt; d and
   * −S_{i,j−d} otherwise. Returns the first row whose matrix is singular, or −1.
   *
   * @param work scratch of at least dim*(dim+1) doubles (unused for d = 1)
   */
  static int solveAdjointSystem(
      double[] hess, double h, double[] lambda, double[] mu, int d, int m, double[] work) {
    return solveAdjointSystem(hess, h, lambda, mu, d, m, 0, m, work);
  }

  /** As above for rows {@code [from, from+rows)} of the {@code m}-row tile. */
  static int solveAdjointSystem(
      double[] hess,
      double h,
      double[] lambda,
      double[] mu,
      int d,
      int m,
      int from,
      int rows,
      double[] work) {
    double c = 0.5 * h;
    int end = from + rows;
    if (d == 1) {
      for (int b = from; b < end; b++) {
        double s00 = hess[b], s01 = hess[m + b], s10 = hess[2 * m + b], s11 = hess[3 * m + b];
        double a00 = 1 - c * s01, a01 = c * s00, a10 = -c * s11, a11 = 1 + c * s10;
        double det = a00 * a11 - a01 * a10;
        if (!(Math.abs(det) > 1e-300)) return b;
        double l0 = lambda[b], l1 = lambda[m + b];
        mu[b] = (a11 * l0 - a01 * l1) / det;
        mu[m + b] = (a00 * l1 - a10 * l0) / det;
      }
      return -1;
    }
    int dim = 2 * d, w = dim + 1;
    for (int b = from; b < end; b++) {
      for (int i = 0; i < dim; i++) {
        for (int j = 0; j < dim; j++) {
          double sj = j < d ? hess[(i * dim + j + d) * m + b] : -hess[(i * dim + j - d) * m + b];
          work[i * w + j] = (i == j ? 1.0 : 0.0) - c * sj;
        }
        work[i * w + dim] = lambda[i * m + b];
      }
      for (int col = 0; col < dim; col++) {
        int piv = col;
        for (int r = col + 1; r < dim; r++) {
          if (Math.abs(work[r * w + col]) > Math.abs(work[piv * w + col])) piv = r;
        }
        if (!(Math.abs(work[piv * w + col]) > 1e-300)) return b;
        if (piv != col) {
          for (int j = 0; j < w; j++) {
            double t = work[col * w + j];
            work[col * w + j] = work[piv * w + j];
            work[piv * w + j] = t;
          }
        }
        double inv = 1.0 / work[col * w + col];
        for (int r = col + 1; r < dim; r++) {
          double f = work[r * w + col] * inv;
          if (f == 0) continue;
          for (int j = col; j < w; j++) work[r * w + j] -= f * work[col * w + j];
        }
      }
      for (int i = dim - 1; i >= 0; i--) {
        double s = work[i * w + dim];
        for (int j = i + 1; j < dim; j++) s -= work[i * w + j] * mu[j * m + b];
        mu[i * m + b] = s / work[i * w + i];
      }
    }
    return -1;
  }
}

package org.hamlab.engine.integrator;

import org.hamlab.engine.system.Hamiltonian;

/**
 * Newton's method for the stage equations of an implicit Runge–Kutta step of one row, with the
 * exact Hessian: the fallback where fixed-point iteration does not contract (stiff rows).
 *
 * <p>Unknowns K = (K_1..K_s), each of 2d components; residual F_i = K_i − J∇H(Y_i) with
 * Y_i = z + h Σ_j a_ij K_j, Jacobian ∂F_i/∂K_j = δ_ij I − h a_ij J∇²H(Y_i). Each iteration solves
 * one dense (s·2d)×(s·2d) system by Gaussian elimination with partial pivoting. Not a hot path.
 */
final class StageNewton {
  private StageNewton() {}

  /**
   * Solves for K in place, starting from the given K.
   *
   * @param z the row's state before the step, length 2d
   * @param k stage slopes, {@code k[i*2d + c]}, updated in place
   * @return the last Newton update's max-norm relative size (≤ tolerance: converged), or NaN
   */
  static double solve(Hamiltonian system, ButcherTableau t, double h, double[] z, double[] k,
      ImplicitSolve solve) {
    int dim = system.dim(), d = system.dof(), s = t.stages(), m = s * dim;
    double[] y = new double[s * dim], g = new double[dim], hess = new double[dim * dim];
    double[] jac = new double[m * m], f = new double[m], yi = new double[dim];
    double change = Double.NaN;
    for (int it = 0; it < solve.maxIterations(); it++) {
      java.util.Arrays.fill(jac, 0.0);
      for (int i = 0; i < s; i++) {
        for (int c = 0; c < dim; c++) {
          double v = z[c];
          for (int j = 0; j < s; j++) v += h * t.a(i, j) * k[j * dim + c];
          yi[c] = v;
          y[i * dim + c] = v;
        }
        system.gradient(yi.clone(), 1, g);
        system.hessian(yi.clone(), 1, hess);
        for (int c = 0; c < dim; c++) {
          // (J∇H)_c = ∂H/∂p_c for c < d, −∂H/∂q_{c−d} otherwise; Hessian rows likewise
          int src = c < d ? c + d : c - d;
          double sign = c < d ? 1 : -1;
          f[i * dim + c] = k[i * dim + c] - sign * g[src];
          for (int j = 0; j < s; j++) {
            double coef = h * t.a(i, j) * sign;
            for (int e = 0; e < dim; e++) {
              jac[(i * dim + c) * m + j * dim + e] -= coef * hess[src * dim + e];
            }
          }
          jac[(i * dim + c) * m + i * dim + c] += 1.0;
        }
      }
      for (int r = 0; r < m; r++) f[r] = -f[r];
      if (!solveDense(jac, f, m)) return Double.NaN;
      change = 0;
      for (int i = 0; i < s; i++) {
        for (int c = 0; c < dim; c++) {
          k[i * dim + c] += f[i * dim + c];
          double scale = Math.max(1.0, Math.abs(y[i * dim + c]));
          change = Math.max(change, Math.abs(h * f[i * dim + c]) / scale);
        }
      }
      if (!Double.isFinite(change)) return Double.NaN;
      if (change <= solve.tolerance()) return change;
    }
    return change;
  }

  /** Solves A x = rhs in place (x returned in rhs); A is m×m row-major and is destroyed. */
  static boolean solveDense(double[] a, double[] rhs, int m) {
    for (int col = 0; col < m; col++) {
      int piv = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r * m + col]) > Math.abs(a[piv * m + col])) piv = r;
      }
      if (!(Math.abs(a[piv * m + col]) > 0)) return false;
      if (piv != col) {
        for (int c = 0; c < m; c++) {
          double tmp = a[col * m + c];
          a[col * m + c] = a[piv * m + c];
          a[piv * m + c] = tmp;
        }
        double tmp = rhs[col];
        rhs[col] = rhs[piv];
        rhs[piv] = tmp;
      }
      for (int r = col + 1; r < m; r++) {
        double fct = a[r * m + col] / a[col * m + col];
        if (fct == 0) continue;
        for (int c = col; c < m; c++) a[r * m + c] -= fct * a[col * m + c];
        rhs[r] -= fct * rhs[col];
      }
    }
    for (int r = m - 1; r >= 0; r--) {
      double v = rhs[r];
      for (int c = r + 1; c < m; c++) v -= a[r * m + c] * rhs[c];
      rhs[r] = v / a[r * m + r];
    }
    return true;
  }
}

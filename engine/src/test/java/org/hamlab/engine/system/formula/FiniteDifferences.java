package org.hamlab.engine.system.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hamlab.engine.system.Hamiltonian;

/** Central-difference checks of a Hamiltonian's gradient, Hessian-vector product and Hessian. */
final class FiniteDifferences {
  private static final double STEP = 1e-5;

  private FiniteDifferences() {}

  /** ∂H/∂z_k against (H(z + ε e_k) − H(z − ε e_k)) / 2ε, per row. */
  static void checkGradient(Hamiltonian h, double[] z, int n, double tolerance) {
    int dim = h.dim();
    double[] g = new double[dim * n], plus = new double[n], minus = new double[n];
    h.gradient(z, n, g);
    for (int k = 0; k < dim; k++) {
      double[] zp = z.clone(), zm = z.clone();
      for (int b = 0; b < n; b++) {
        zp[k * n + b] += STEP;
        zm[k * n + b] -= STEP;
      }
      h.value(zp, n, plus);
      h.value(zm, n, minus);
      for (int b = 0; b < n; b++) {
        double expected = (plus[b] - minus[b]) / (2 * STEP);
        assertEquals(expected, g[k * n + b], tolerance * Math.max(1, Math.abs(expected)),
            h.name() + ": dH/dz" + k + " at row " + b);
      }
    }
  }

  /** ∇²H v against (∇H(z + εv) − ∇H(z − εv)) / 2ε; the Hessian times v against ∇²H v. */
  static void checkHessianVector(Hamiltonian h, double[] z, double[] v, int n, double tolerance) {
    int dim = h.dim();
    double[] hv = new double[dim * n], gp = new double[dim * n], gm = new double[dim * n];
    h.hessianVector(z, v, n, hv);
    double[] zp = z.clone(), zm = z.clone();
    for (int i = 0; i < dim * n; i++) {
      zp[i] += STEP * v[i];
      zm[i] -= STEP * v[i];
    }
    h.gradient(zp, n, gp);
    h.gradient(zm, n, gm);
    for (int i = 0; i < dim * n; i++) {
      double expected = (gp[i] - gm[i]) / (2 * STEP);
      assertEquals(expected, hv[i], tolerance * Math.max(1, Math.abs(expected)),
          h.name() + ": (Hv)_" + i / n + " at row " + i % n);
    }
    double[] hess = new double[dim * dim * n];
    h.hessian(z, n, hess);
    for (int i = 0; i < dim; i++) {
      for (int b = 0; b < n; b++) {
        double sum = 0;
        for (int j = 0; j < dim; j++) sum += hess[(i * dim + j) * n + b] * v[j * n + b];
        assertEquals(hv[i * n + b], sum, 1e-12 * Math.max(1, Math.abs(sum)),
            h.name() + ": Hessian row " + i + " times v at row " + b);
      }
    }
  }
}

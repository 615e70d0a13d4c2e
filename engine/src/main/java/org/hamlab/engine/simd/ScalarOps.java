package org.hamlab.engine.simd;

/** Plain-loop reference implementation of {@link OpsImpl}; the formulas are cited in {@link Ops}. */
final class ScalarOps implements OpsImpl {
  static final ScalarOps INSTANCE = new ScalarOps();

  @Override public String describe() { return "scalar"; }

  @Override
  public void fieldStep(double[] z, double c, double[] g, double[] out, int d, int n) {
    int half = d * n;
    for (int i = 0; i < half; i++) {
      out[i] = z[i] + c * g[half + i];
      out[half + i] = z[half + i] - c * g[i];
    }
  }

  @Override
  public double fieldStepChange(double[] z, double c, double[] g, double[] y, int d, int n) {
    int half = d * n;
    double change = 0;
    for (int i = 0; i < half; i++) {
      double nq = z[i] + c * g[half + i], np = z[half + i] - c * g[i];
      change = Math.max(change, Math.abs(nq - y[i]) / Math.max(1.0, Math.abs(nq)));
      change = Math.max(change, Math.abs(np - y[half + i]) / Math.max(1.0, Math.abs(np)));
      y[i] = nq;
      y[half + i] = np;
    }
    return change;
  }

  @Override
  public void average(double[] a, double[] b, double[] out, int len) {
    for (int i = 0; i < len; i++) out[i] = 0.5 * (a[i] + b[i]);
  }

  @Override
  public void axpy(double c, double[] x, double[] y, double[] out, int len) {
    for (int i = 0; i < len; i++) out[i] = y[i] + c * x[i];
  }

  @Override
  public void addScaled(double c, double[] x, int xFrom, double[] y, int yFrom, int len) {
    for (int i = 0; i < len; i++) y[yFrom + i] += c * x[xFrom + i];
  }

  @Override
  public void doubleWellValue(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b], q2 = q * q;
      out[b] = 0.5 * p * p + 0.25 * q2 * q2 - 0.5 * q2;
    }
  }

  @Override
  public void doubleWellGradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b];
      out[b] = q * q * q - q;
      out[n + b] = z[n + b];
    }
  }

  @Override
  public void doubleWellHessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b];
      out[b] = (3 * q * q - 1) * v[b];
      out[n + b] = v[n + b];
    }
  }

  @Override
  public void coupledOscillatorValue(double alpha, double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (q * q + p * p) + alpha * q * p;
    }
  }

  @Override
  public void coupledOscillatorGradient(double alpha, double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = q + alpha * p;
      out[n + b] = p + alpha * q;
    }
  }

  @Override
  public void henonHeilesValue(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], p1 = z[2 * n + b], p2 = z[3 * n + b];
      out[b] = 0.5 * (p1 * p1 + p2 * p2) + 0.5 * (q1 * q1 + q2 * q2) + q1 * q1 * q2 - q2 * q2 * q2 / 3.0;
    }
  }

  @Override
  public void henonHeilesGradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b];
      out[b] = q1 + 2 * q1 * q2;
      out[n + b] = q2 + q1 * q1 - q2 * q2;
      out[2 * n + b] = z[2 * n + b];
      out[3 * n + b] = z[3 * n + b];
    }
  }

  @Override
  public void henonHeilesHessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], v1 = v[b], v2 = v[n + b];
      out[b] = (1 + 2 * q2) * v1 + 2 * q1 * v2;
      out[n + b] = 2 * q1 * v1 + (1 - 2 * q2) * v2;
      out[2 * n + b] = v[2 * n + b];
      out[3 * n + b] = v[3 * n + b];
    }
  }

  @Override
  public void springMassValue(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (p * p + q * q);
    }
  }

  @Override
  public void productQuadraticValue(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (q * q + 1) * (p * p + 1);
    }
  }

  @Override
  public void productQuadraticGradient(double[] z, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = q * (p * p + 1);
      out[n + b] = p * (q * q + 1);
    }
  }

  @Override
  public void productQuadraticHessianVector(double[] z, double[] v, int n, double[] out) {
    for (int b = 0; b < n; b++) {
      double q = z[b], p = z[n + b], vq = v[b], vp = v[n + b];
      out[b] = (p * p + 1) * vq + 2 * q * p * vp;
      out[n + b] = 2 * q * p * vq + (q * q + 1) * vp;
    }
  }
}

package org.hamlab.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation of {@link OpsImpl} (libraries.md §3.6): one small monomorphic loop
 * per op (vector body over {@code loopBound}, scalar tail), constant species, no vectors across
 * calls. Arithmetic is done in the same order as {@link ScalarOps} without FMA, so element-wise
 * results agree bitwise; only the max reduction is reordered (max is exact, so it agrees too).
 */
final class PanamaOps implements OpsImpl {
  static final PanamaOps INSTANCE = new PanamaOps();
  private static final VectorSpecies<Double> S = Species.DOUBLE_SPECIES;
  private static final int L = S.length();

  @Override public String describe() { return "panama " + S.vectorBitSize() + "-bit double"; }

  @Override
  public void fieldStep(double[] z, double c, double[] g, double[] out, int d, int n) {
    int half = d * n, i = 0;
    for (int bound = S.loopBound(half); i < bound; i += L) {
      DoubleVector gq = DoubleVector.fromArray(S, g, i), gp = DoubleVector.fromArray(S, g, half + i);
      DoubleVector.fromArray(S, z, i).add(gp.mul(c)).intoArray(out, i);
      DoubleVector.fromArray(S, z, half + i).sub(gq.mul(c)).intoArray(out, half + i);
    }
    for (; i < half; i++) {
      out[i] = z[i] + c * g[half + i];
      out[half + i] = z[half + i] - c * g[i];
    }
  }

  @Override
  public double fieldStepChange(double[] z, double c, double[] g, double[] y, int d, int n) {
    int half = d * n, i = 0;
    DoubleVector acc = DoubleVector.zero(S);
    for (int bound = S.loopBound(half); i < bound; i += L) {
      DoubleVector gq = DoubleVector.fromArray(S, g, i), gp = DoubleVector.fromArray(S, g, half + i);
      DoubleVector nq = DoubleVector.fromArray(S, z, i).add(gp.mul(c));
      DoubleVector np = DoubleVector.fromArray(S, z, half + i).sub(gq.mul(c));
      DoubleVector cq = nq.sub(DoubleVector.fromArray(S, y, i)).abs().div(nq.abs().max(1.0));
      DoubleVector cp = np.sub(DoubleVector.fromArray(S, y, half + i)).abs().div(np.abs().max(1.0));
      acc = acc.max(cq).max(cp);
      nq.intoArray(y, i);
      np.intoArray(y, half + i);
    }
    double change = acc.reduceLanes(VectorOperators.MAX);
    for (; i < half; i++) {
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
    int i = 0;
    for (int bound = S.loopBound(len); i < bound; i += L) {
      DoubleVector.fromArray(S, a, i).add(DoubleVector.fromArray(S, b, i)).mul(0.5).intoArray(out, i);
    }
    for (; i < len; i++) out[i] = 0.5 * (a[i] + b[i]);
  }

  @Override
  public void axpy(double c, double[] x, double[] y, double[] out, int len) {
    int i = 0;
    for (int bound = S.loopBound(len); i < bound; i += L) {
      DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, x, i).mul(c)).intoArray(out, i);
    }
    for (; i < len; i++) out[i] = y[i] + c * x[i];
  }

  @Override
  public void addScaled(double c, double[] x, int xFrom, double[] y, int yFrom, int len) {
    int i = 0;
    for (int bound = S.loopBound(len); i < bound; i += L) {
      DoubleVector.fromArray(S, y, yFrom + i).add(DoubleVector.fromArray(S, x, xFrom + i).mul(c))
          .intoArray(y, yFrom + i);
    }
    for (; i < len; i++) y[yFrom + i] += c * x[xFrom + i];
  }

  @Override
  public void doubleWellValue(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      DoubleVector q2 = q.mul(q);
      p.mul(0.5).mul(p).add(q2.mul(0.25).mul(q2)).sub(q2.mul(0.5)).intoArray(out, b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b], q2 = q * q;
      out[b] = 0.5 * p * p + 0.25 * q2 * q2 - 0.5 * q2;
    }
  }

  @Override
  public void doubleWellGradient(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b);
      q.mul(q).mul(q).sub(q).intoArray(out, b);
    }
    for (; b < n; b++) {
      double q = z[b];
      out[b] = q * q * q - q;
    }
    System.arraycopy(z, n, out, n, n);
  }

  @Override
  public void doubleWellHessianVector(double[] z, double[] v, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b);
      DoubleVector vq = DoubleVector.fromArray(S, v, b);
      DoubleVector.broadcast(S, 3.0).mul(q).mul(q).sub(1.0).mul(vq).intoArray(out, b);
    }
    for (; b < n; b++) {
      double q = z[b];
      out[b] = (3 * q * q - 1) * v[b];
    }
    System.arraycopy(v, n, out, n, n);
  }

  @Override
  public void coupledOscillatorValue(double alpha, double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      q.mul(q).add(p.mul(p)).mul(0.5).add(q.mul(alpha).mul(p)).intoArray(out, b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (q * q + p * p) + alpha * q * p;
    }
  }

  @Override
  public void coupledOscillatorGradient(double alpha, double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      q.add(p.mul(alpha)).intoArray(out, b);
      p.add(q.mul(alpha)).intoArray(out, n + b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = q + alpha * p;
      out[n + b] = p + alpha * q;
    }
  }

  @Override
  public void henonHeilesValue(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q1 = DoubleVector.fromArray(S, z, b), q2 = DoubleVector.fromArray(S, z, n + b);
      DoubleVector p1 = DoubleVector.fromArray(S, z, 2 * n + b);
      DoubleVector p2 = DoubleVector.fromArray(S, z, 3 * n + b);
      p1.mul(p1).add(p2.mul(p2)).mul(0.5)
          .add(q1.mul(q1).add(q2.mul(q2)).mul(0.5))
          .add(q1.mul(q1).mul(q2))
          .sub(q2.mul(q2).mul(q2).div(3.0))
          .intoArray(out, b);
    }
    for (; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], p1 = z[2 * n + b], p2 = z[3 * n + b];
      out[b] = 0.5 * (p1 * p1 + p2 * p2) + 0.5 * (q1 * q1 + q2 * q2) + q1 * q1 * q2 - q2 * q2 * q2 / 3.0;
    }
  }

  @Override
  public void henonHeilesGradient(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q1 = DoubleVector.fromArray(S, z, b), q2 = DoubleVector.fromArray(S, z, n + b);
      q1.add(q1.mul(2.0).mul(q2)).intoArray(out, b);
      q2.add(q1.mul(q1)).sub(q2.mul(q2)).intoArray(out, n + b);
    }
    for (; b < n; b++) {
      double q1 = z[b], q2 = z[n + b];
      out[b] = q1 + 2 * q1 * q2;
      out[n + b] = q2 + q1 * q1 - q2 * q2;
    }
    System.arraycopy(z, 2 * n, out, 2 * n, 2 * n);
  }

  @Override
  public void henonHeilesHessianVector(double[] z, double[] v, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q1 = DoubleVector.fromArray(S, z, b), q2 = DoubleVector.fromArray(S, z, n + b);
      DoubleVector v1 = DoubleVector.fromArray(S, v, b), v2 = DoubleVector.fromArray(S, v, n + b);
      DoubleVector q1x2 = q1.mul(2.0), q2x2 = q2.mul(2.0);
      q2x2.add(1.0).mul(v1).add(q1x2.mul(v2)).intoArray(out, b);
      q1x2.mul(v1).add(q2x2.neg().add(1.0).mul(v2)).intoArray(out, n + b);
    }
    for (; b < n; b++) {
      double q1 = z[b], q2 = z[n + b], v1 = v[b], v2 = v[n + b];
      out[b] = (1 + 2 * q2) * v1 + 2 * q1 * v2;
      out[n + b] = 2 * q1 * v1 + (1 - 2 * q2) * v2;
    }
    System.arraycopy(v, 2 * n, out, 2 * n, 2 * n);
  }

  @Override
  public void springMassValue(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      p.mul(p).add(q.mul(q)).mul(0.5).intoArray(out, b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (p * p + q * q);
    }
  }

  @Override
  public void productQuadraticValue(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      q.mul(q).add(1.0).mul(0.5).mul(p.mul(p).add(1.0)).intoArray(out, b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = 0.5 * (q * q + 1) * (p * p + 1);
    }
  }

  @Override
  public void productQuadraticGradient(double[] z, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      q.mul(p.mul(p).add(1.0)).intoArray(out, b);
      p.mul(q.mul(q).add(1.0)).intoArray(out, n + b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b];
      out[b] = q * (p * p + 1);
      out[n + b] = p * (q * q + 1);
    }
  }

  @Override
  public void productQuadraticHessianVector(double[] z, double[] v, int n, double[] out) {
    int b = 0;
    for (int bound = S.loopBound(n); b < bound; b += L) {
      DoubleVector q = DoubleVector.fromArray(S, z, b), p = DoubleVector.fromArray(S, z, n + b);
      DoubleVector vq = DoubleVector.fromArray(S, v, b), vp = DoubleVector.fromArray(S, v, n + b);
      DoubleVector qp2 = q.mul(2.0).mul(p);
      p.mul(p).add(1.0).mul(vq).add(qp2.mul(vp)).intoArray(out, b);
      qp2.mul(vq).add(q.mul(q).add(1.0).mul(vp)).intoArray(out, n + b);
    }
    for (; b < n; b++) {
      double q = z[b], p = z[n + b], vq = v[b], vp = v[n + b];
      out[b] = (p * p + 1) * vq + 2 * q * p * vp;
      out[n + b] = 2 * q * p * vq + (q * q + 1) * vp;
    }
  }
}

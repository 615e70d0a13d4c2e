package org.hamlab.engine.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NEG;
import static jdk.incubator.vector.VectorOperators.SIN;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API primitives of {@link MlpTileF64}: vectors run across neurons (every tile row is a
 * whole number of vectors), the GEMM keeps a 4-row × 2-vector register block (8 independent FMA
 * chains: 2 FMA pipes × 4-cycle latency, libraries.md §3.3), and each activation has its own
 * small method with constant operators (libraries.md §3.6). Double tanh uses expm1, never the
 * lanewise TANH, which is slower than scalar here (§3.4).
 */
final class MlpPanamaF64 extends MlpTileF64 {
  private static final VectorSpecies<Double> S = MlpSpecies.DOUBLE_SPECIES;
  private static final int L = S.length();

  MlpPanamaF64(MlpShape shape, MlpWeightsF64 weights, MlpFunction function) {
    super(shape, weights, function);
  }

  @Override
  void gemm(double[] src, int ss, int kc, double[] m, int w, double[] bias, double[] dst) {
    for (int t = 0; t < rowsPad; t += 4) {
      int j = 0;
      for (; j + 2 * L <= w; j += 2 * L) gemm4x2(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
      for (; j < w; j += L) gemm4x1(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
    }
  }

  private static void gemm4x2(double[] src, int so, int ss, int kc, double[] m, int w,
      double[] bias, double[] dst, int dOff, int j) {
    DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
    if (bias == null) {
      c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = DoubleVector.zero(S);
    } else {
      c00 = c10 = c20 = c30 = DoubleVector.fromArray(S, bias, j);
      c01 = c11 = c21 = c31 = DoubleVector.fromArray(S, bias, j + L);
    }
    for (int i = 0; i < kc; i++) {
      DoubleVector m0 = DoubleVector.fromArray(S, m, i * w + j);
      DoubleVector m1 = DoubleVector.fromArray(S, m, i * w + j + L);
      DoubleVector x0 = DoubleVector.broadcast(S, src[so + i]);
      DoubleVector x1 = DoubleVector.broadcast(S, src[so + ss + i]);
      DoubleVector x2 = DoubleVector.broadcast(S, src[so + 2 * ss + i]);
      DoubleVector x3 = DoubleVector.broadcast(S, src[so + 3 * ss + i]);
      c00 = x0.fma(m0, c00);
      c01 = x0.fma(m1, c01);
      c10 = x1.fma(m0, c10);
      c11 = x1.fma(m1, c11);
      c20 = x2.fma(m0, c20);
      c21 = x2.fma(m1, c21);
      c30 = x3.fma(m0, c30);
      c31 = x3.fma(m1, c31);
    }
    c00.intoArray(dst, dOff + j);
    c01.intoArray(dst, dOff + j + L);
    c10.intoArray(dst, dOff + w + j);
    c11.intoArray(dst, dOff + w + j + L);
    c20.intoArray(dst, dOff + 2 * w + j);
    c21.intoArray(dst, dOff + 2 * w + j + L);
    c30.intoArray(dst, dOff + 3 * w + j);
    c31.intoArray(dst, dOff + 3 * w + j + L);
  }

  private static void gemm4x1(double[] src, int so, int ss, int kc, double[] m, int w,
      double[] bias, double[] dst, int dOff, int j) {
    DoubleVector c0, c1, c2, c3;
    if (bias == null) {
      c0 = c1 = c2 = c3 = DoubleVector.zero(S);
    } else {
      c0 = c1 = c2 = c3 = DoubleVector.fromArray(S, bias, j);
    }
    for (int i = 0; i < kc; i++) {
      DoubleVector m0 = DoubleVector.fromArray(S, m, i * w + j);
      c0 = DoubleVector.broadcast(S, src[so + i]).fma(m0, c0);
      c1 = DoubleVector.broadcast(S, src[so + ss + i]).fma(m0, c1);
      c2 = DoubleVector.broadcast(S, src[so + 2 * ss + i]).fma(m0, c2);
      c3 = DoubleVector.broadcast(S, src[so + 3 * ss + i]).fma(m0, c3);
    }
    c0.intoArray(dst, dOff + j);
    c1.intoArray(dst, dOff + w + j);
    c2.intoArray(dst, dOff + 2 * w + j);
    c3.intoArray(dst, dOff + 3 * w + j);
  }

  @Override
  void activate(double[] a, double[] s1, double[] s2, int len) {
    switch (function) {
      case TANH -> tanh(a, s1, s2, len);
      case SIGMOID -> sigmoid(a, s1, s2, len);
      case SOFTPLUS -> softplus(a, s1, s2, len);
      case SIN -> sin(a, s1, s2, len);
    }
  }

  /** tanh|z| = t/(t+2) with t = expm1(2|z|), |z| clamped at 20 (tanh = 1 in double there). */
  private static void tanh(double[] a, double[] s1, double[] s2, int len) {
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    DoubleVector two = DoubleVector.broadcast(S, 2.0);
    DoubleVector minusTwo = DoubleVector.broadcast(S, -2.0);
    for (int i = 0; i < len; i += L) {
      DoubleVector z = DoubleVector.fromArray(S, a, i);
      VectorMask<Double> negative = z.compare(LT, 0.0);
      DoubleVector e = z.abs().min(20.0).mul(two).lanewise(EXPM1);
      DoubleVector y = e.div(e.add(two)).lanewise(NEG, negative);
      DoubleVector d1 = y.neg().fma(y, one);
      y.intoArray(a, i);
      d1.intoArray(s1, i);
      y.mul(minusTwo).mul(d1).intoArray(s2, i);
    }
  }

  private static void sigmoid(double[] a, double[] s1, double[] s2, int len) {
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    DoubleVector minusTwo = DoubleVector.broadcast(S, -2.0);
    for (int i = 0; i < len; i += L) {
      DoubleVector z = DoubleVector.fromArray(S, a, i);
      DoubleVector y = one.div(z.neg().lanewise(EXP).add(one));
      DoubleVector d1 = y.mul(one.sub(y));
      y.intoArray(a, i);
      d1.intoArray(s1, i);
      d1.mul(y.fma(minusTwo, one)).intoArray(s2, i);
    }
  }

  /** log(1+e^z) = max(z,0) + log1p(e^{−|z|}); σ' = sigmoid(z) from the same exponential. */
  private static void softplus(double[] a, double[] s1, double[] s2, int len) {
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (int i = 0; i < len; i += L) {
      DoubleVector z = DoubleVector.fromArray(S, a, i);
      DoubleVector e = z.abs().neg().lanewise(EXP);
      DoubleVector r = one.div(one.add(e));
      DoubleVector y = r.blend(e.mul(r), z.compare(LT, 0.0));
      z.max(0.0).add(e.lanewise(LOG1P)).intoArray(a, i);
      y.intoArray(s1, i);
      y.mul(one.sub(y)).intoArray(s2, i);
    }
  }

  private static void sin(double[] a, double[] s1, double[] s2, int len) {
    for (int i = 0; i < len; i += L) {
      DoubleVector z = DoubleVector.fromArray(S, a, i);
      DoubleVector y = z.lanewise(SIN);
      y.intoArray(a, i);
      z.lanewise(COS).intoArray(s1, i);
      y.neg().intoArray(s2, i);
    }
  }

  @Override
  void mul(double[] x, double[] y, double[] out, int len) {
    for (int i = 0; i < len; i += L) {
      DoubleVector.fromArray(S, x, i).mul(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
    }
  }

  @Override
  void tangentDelta(
      double[] gd, double[] s1, double[] g, double[] s2, double[] zd, double[] out, int len) {
    for (int i = 0; i < len; i += L) {
      DoubleVector gs = DoubleVector.fromArray(S, g, i).mul(DoubleVector.fromArray(S, s2, i));
      DoubleVector r = gs.mul(DoubleVector.fromArray(S, zd, i));
      DoubleVector.fromArray(S, gd, i).fma(DoubleVector.fromArray(S, s1, i), r).intoArray(out, i);
    }
  }

  @Override
  void dotRows(double[] a, double[] w, int width, double c, double[] out, int from) {
    for (int t = 0; t < rows; t++) {
      DoubleVector acc = DoubleVector.zero(S);
      for (int j = 0; j < width; j += L) {
        acc = DoubleVector.fromArray(S, w, j).fma(DoubleVector.fromArray(S, a, t * width + j), acc);
      }
      out[from + t] = acc.reduceLanes(ADD) + c;
    }
  }

  @Override
  void fillRows(double[] g, double[] w, int width, double[] scale) {
    for (int t = 0; t < rowsPad; t++) {
      DoubleVector f = DoubleVector.broadcast(S, scale[t]);
      for (int j = 0; j < width; j += L) {
        f.mul(DoubleVector.fromArray(S, w, j)).intoArray(g, t * width + j);
      }
    }
  }

  @Override
  void outer(double[] dw, int off, int ws, double[] dl, int ds, int jc, double[] x) {
    int j = 0;
    for (; j + 4 <= jc; j += 4) {
      int i = 0;
      for (; i + 2 * L <= ws; i += 2 * L) outer4x2(dw, off, ws, dl, ds, j, x, i, rows);
      for (; i < ws; i += L) {
        for (int r = 0; r < 4; r++) outer1x1(dw, off, ws, dl, ds, j + r, x, i, rows);
      }
    }
    for (; j < jc; j++) {
      for (int i = 0; i < ws; i += L) outer1x1(dw, off, ws, dl, ds, j, x, i, rows);
    }
  }

  private static void outer4x2(
      double[] dw, int off, int ws, double[] dl, int ds, int j, double[] x, int i, int rows) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0; t < rows; t++) {
      DoubleVector x0 = DoubleVector.fromArray(S, x, t * ws + i);
      DoubleVector x1 = DoubleVector.fromArray(S, x, t * ws + i + L);
      int o = t * ds + j;
      DoubleVector f0 = DoubleVector.broadcast(S, dl[o]);
      DoubleVector f1 = DoubleVector.broadcast(S, dl[o + 1]);
      DoubleVector f2 = DoubleVector.broadcast(S, dl[o + 2]);
      DoubleVector f3 = DoubleVector.broadcast(S, dl[o + 3]);
      c00 = f0.fma(x0, c00);
      c01 = f0.fma(x1, c01);
      c10 = f1.fma(x0, c10);
      c11 = f1.fma(x1, c11);
      c20 = f2.fma(x0, c20);
      c21 = f2.fma(x1, c21);
      c30 = f3.fma(x0, c30);
      c31 = f3.fma(x1, c31);
    }
    int p = off + j * ws + i;
    add(dw, p, c00);
    add(dw, p + L, c01);
    add(dw, p + ws, c10);
    add(dw, p + ws + L, c11);
    add(dw, p + 2 * ws, c20);
    add(dw, p + 2 * ws + L, c21);
    add(dw, p + 3 * ws, c30);
    add(dw, p + 3 * ws + L, c31);
  }

  private static void outer1x1(
      double[] dw, int off, int ws, double[] dl, int ds, int j, double[] x, int i, int rows) {
    DoubleVector c = DoubleVector.zero(S);
    for (int t = 0; t < rows; t++) {
      c = DoubleVector.broadcast(S, dl[t * ds + j]).fma(DoubleVector.fromArray(S, x, t * ws + i), c);
    }
    add(dw, off + j * ws + i, c);
  }

  @Override
  void outer2(
      double[] dw, int off, int ws, double[] dl1, double[] x1, double[] dl2, double[] x2, int ds,
      int jc) {
    int j = 0;
    for (; j + 4 <= jc; j += 4) {
      for (int i = 0; i < ws; i += L) outer2x4(dw, off, ws, dl1, x1, dl2, x2, ds, j, i, rows);
    }
    for (; j < jc; j++) {
      for (int i = 0; i < ws; i += L) {
        DoubleVector c = DoubleVector.zero(S);
        for (int t = 0; t < rows; t++) {
          c = DoubleVector.broadcast(S, dl1[t * ds + j])
              .fma(DoubleVector.fromArray(S, x1, t * ws + i), c);
          c = DoubleVector.broadcast(S, dl2[t * ds + j])
              .fma(DoubleVector.fromArray(S, x2, t * ws + i), c);
        }
        add(dw, off + j * ws + i, c);
      }
    }
  }

  /** Four output rows j..j+3, one vector of inputs, two rank-t terms: 8 FMAs per t. */
  private static void outer2x4(double[] dw, int off, int ws, double[] dl1, double[] x1,
      double[] dl2, double[] x2, int ds, int j, int i, int rows) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    DoubleVector e0 = c0, e1 = c0, e2 = c0, e3 = c0;
    for (int t = 0; t < rows; t++) {
      DoubleVector a = DoubleVector.fromArray(S, x1, t * ws + i);
      DoubleVector b = DoubleVector.fromArray(S, x2, t * ws + i);
      int o = t * ds + j;
      c0 = DoubleVector.broadcast(S, dl1[o]).fma(a, c0);
      c1 = DoubleVector.broadcast(S, dl1[o + 1]).fma(a, c1);
      c2 = DoubleVector.broadcast(S, dl1[o + 2]).fma(a, c2);
      c3 = DoubleVector.broadcast(S, dl1[o + 3]).fma(a, c3);
      e0 = DoubleVector.broadcast(S, dl2[o]).fma(b, e0);
      e1 = DoubleVector.broadcast(S, dl2[o + 1]).fma(b, e1);
      e2 = DoubleVector.broadcast(S, dl2[o + 2]).fma(b, e2);
      e3 = DoubleVector.broadcast(S, dl2[o + 3]).fma(b, e3);
    }
    int p = off + j * ws + i;
    add(dw, p, c0.add(e0));
    add(dw, p + ws, c1.add(e1));
    add(dw, p + 2 * ws, c2.add(e2));
    add(dw, p + 3 * ws, c3.add(e3));
  }

  private static void add(double[] dw, int p, DoubleVector c) {
    DoubleVector.fromArray(S, dw, p).add(c).intoArray(dw, p);
  }

  @Override
  void columnSum(double[] db, int off, double[] dl, int w, double[] scale) {
    for (int j = 0; j < w; j += L) {
      DoubleVector c = DoubleVector.fromArray(S, db, off + j);
      for (int t = 0; t < rows; t++) {
        DoubleVector x = DoubleVector.fromArray(S, dl, t * w + j);
        c = scale == null ? c.add(x) : DoubleVector.broadcast(S, scale[t]).fma(x, c);
      }
      c.intoArray(db, off + j);
    }
  }
}

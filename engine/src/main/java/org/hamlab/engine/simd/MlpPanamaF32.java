package org.hamlab.engine.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SIN;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float Vector API primitives of {@link MlpTileF32}; the same structure as {@link MlpPanamaF64}
 * (vectors across neurons, 4-row × 2-vector GEMM register block, one small method per activation
 * with constant operators). tanh is the rational approximation (0.6 ns/element vs 2.4 for SVML,
 * libraries.md §3.4), shared with the scalar twin so the two agree to rounding.
 */
final class MlpPanamaF32 extends MlpTileF32 {
  private static final VectorSpecies<Float> S = MlpSpecies.FLOAT_SPECIES;
  private static final int L = S.length();

  MlpPanamaF32(MlpShape shape, MlpWeightsF32 weights, MlpFunction function) {
    super(shape, weights, function);
  }

  @Override
  void gemm(float[] src, int ss, int kc, float[] m, int w, float[] bias, float[] dst) {
    for (int t = 0; t < rowsPad; t += 4) {
      int j = 0;
      for (; j + 2 * L <= w; j += 2 * L) gemm4x2(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
      for (; j < w; j += L) gemm4x1(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
    }
  }

  private static void gemm4x2(float[] src, int so, int ss, int kc, float[] m, int w,
      float[] bias, float[] dst, int dOff, int j) {
    FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
    if (bias == null) {
      c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
    } else {
      c00 = c10 = c20 = c30 = FloatVector.fromArray(S, bias, j);
      c01 = c11 = c21 = c31 = FloatVector.fromArray(S, bias, j + L);
    }
    for (int i = 0; i < kc; i++) {
      FloatVector m0 = FloatVector.fromArray(S, m, i * w + j);
      FloatVector m1 = FloatVector.fromArray(S, m, i * w + j + L);
      FloatVector x0 = FloatVector.broadcast(S, src[so + i]);
      FloatVector x1 = FloatVector.broadcast(S, src[so + ss + i]);
      FloatVector x2 = FloatVector.broadcast(S, src[so + 2 * ss + i]);
      FloatVector x3 = FloatVector.broadcast(S, src[so + 3 * ss + i]);
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

  private static void gemm4x1(float[] src, int so, int ss, int kc, float[] m, int w,
      float[] bias, float[] dst, int dOff, int j) {
    FloatVector c0, c1, c2, c3;
    if (bias == null) {
      c0 = c1 = c2 = c3 = FloatVector.zero(S);
    } else {
      c0 = c1 = c2 = c3 = FloatVector.fromArray(S, bias, j);
    }
    for (int i = 0; i < kc; i++) {
      FloatVector m0 = FloatVector.fromArray(S, m, i * w + j);
      c0 = FloatVector.broadcast(S, src[so + i]).fma(m0, c0);
      c1 = FloatVector.broadcast(S, src[so + ss + i]).fma(m0, c1);
      c2 = FloatVector.broadcast(S, src[so + 2 * ss + i]).fma(m0, c2);
      c3 = FloatVector.broadcast(S, src[so + 3 * ss + i]).fma(m0, c3);
    }
    c0.intoArray(dst, dOff + j);
    c1.intoArray(dst, dOff + w + j);
    c2.intoArray(dst, dOff + 2 * w + j);
    c3.intoArray(dst, dOff + 3 * w + j);
  }

  @Override
  void activate(float[] a, float[] s1, float[] s2, int len) {
    switch (function) {
      case TANH -> tanh(a, s1, s2, len);
      case SIGMOID -> sigmoid(a, s1, s2, len);
      case SOFTPLUS -> softplus(a, s1, s2, len);
      case SIN -> sin(a, s1, s2, len);
    }
  }

  /** Rational tanh, the same formula as {@link MlpScalarF32#tanh} (libraries.md §3.4). */
  private static void tanh(float[] a, float[] s1, float[] s2, int len) {
    FloatVector one = FloatVector.broadcast(S, 1.0f);
    FloatVector minusTwo = FloatVector.broadcast(S, -2.0f);
    for (int i = 0; i < len; i += L) {
      FloatVector x = FloatVector.fromArray(S, a, i)
          .max(-MlpScalarF32.TANH_CLAMP).min(MlpScalarF32.TANH_CLAMP);
      FloatVector x2 = x.mul(x);
      FloatVector p = x2.fma(FloatVector.broadcast(S, MlpScalarF32.TANH_A13),
          FloatVector.broadcast(S, MlpScalarF32.TANH_A11));
      p = x2.fma(p, FloatVector.broadcast(S, MlpScalarF32.TANH_A9));
      p = x2.fma(p, FloatVector.broadcast(S, MlpScalarF32.TANH_A7));
      p = x2.fma(p, FloatVector.broadcast(S, MlpScalarF32.TANH_A5));
      p = x2.fma(p, FloatVector.broadcast(S, MlpScalarF32.TANH_A3));
      p = x2.fma(p, FloatVector.broadcast(S, MlpScalarF32.TANH_A1));
      p = x.mul(p);
      FloatVector q = x2.fma(FloatVector.broadcast(S, MlpScalarF32.TANH_B6),
          FloatVector.broadcast(S, MlpScalarF32.TANH_B4));
      q = x2.fma(q, FloatVector.broadcast(S, MlpScalarF32.TANH_B2));
      q = x2.fma(q, FloatVector.broadcast(S, MlpScalarF32.TANH_B0));
      FloatVector y = p.div(q);
      FloatVector d1 = y.neg().fma(y, one);
      y.intoArray(a, i);
      d1.intoArray(s1, i);
      y.mul(minusTwo).mul(d1).intoArray(s2, i);
    }
  }

  private static void sigmoid(float[] a, float[] s1, float[] s2, int len) {
    FloatVector one = FloatVector.broadcast(S, 1.0f);
    FloatVector minusTwo = FloatVector.broadcast(S, -2.0f);
    for (int i = 0; i < len; i += L) {
      FloatVector z = FloatVector.fromArray(S, a, i);
      FloatVector y = one.div(z.neg().lanewise(EXP).add(one));
      FloatVector d1 = y.mul(one.sub(y));
      y.intoArray(a, i);
      d1.intoArray(s1, i);
      d1.mul(y.fma(minusTwo, one)).intoArray(s2, i);
    }
  }

  /** log(1+e^z) = max(z,0) + log1p(e^{−|z|}); σ' = sigmoid(z) from the same exponential. */
  private static void softplus(float[] a, float[] s1, float[] s2, int len) {
    FloatVector one = FloatVector.broadcast(S, 1.0f);
    for (int i = 0; i < len; i += L) {
      FloatVector z = FloatVector.fromArray(S, a, i);
      FloatVector e = z.abs().neg().lanewise(EXP);
      FloatVector r = one.div(one.add(e));
      FloatVector y = r.blend(e.mul(r), z.compare(LT, 0.0f));
      z.max(0.0f).add(e.lanewise(LOG1P)).intoArray(a, i);
      y.intoArray(s1, i);
      y.mul(one.sub(y)).intoArray(s2, i);
    }
  }

  private static void sin(float[] a, float[] s1, float[] s2, int len) {
    for (int i = 0; i < len; i += L) {
      FloatVector z = FloatVector.fromArray(S, a, i);
      FloatVector y = z.lanewise(SIN);
      y.intoArray(a, i);
      z.lanewise(COS).intoArray(s1, i);
      y.neg().intoArray(s2, i);
    }
  }

  @Override
  void mul(float[] x, float[] y, float[] out, int len) {
    for (int i = 0; i < len; i += L) {
      FloatVector.fromArray(S, x, i).mul(FloatVector.fromArray(S, y, i)).intoArray(out, i);
    }
  }

  @Override
  void tangentDelta(
      float[] gd, float[] s1, float[] g, float[] s2, float[] zd, float[] out, int len) {
    for (int i = 0; i < len; i += L) {
      FloatVector gs = FloatVector.fromArray(S, g, i).mul(FloatVector.fromArray(S, s2, i));
      FloatVector r = gs.mul(FloatVector.fromArray(S, zd, i));
      FloatVector.fromArray(S, gd, i).fma(FloatVector.fromArray(S, s1, i), r).intoArray(out, i);
    }
  }

  @Override
  void dotRows(float[] a, float[] w, int width, float c, double[] out, int from) {
    for (int t = 0; t < rows; t++) {
      FloatVector acc = FloatVector.zero(S);
      for (int j = 0; j < width; j += L) {
        acc = FloatVector.fromArray(S, w, j).fma(FloatVector.fromArray(S, a, t * width + j), acc);
      }
      out[from + t] = acc.reduceLanes(ADD) + c;
    }
  }

  @Override
  void fillRows(float[] g, float[] w, int width, float[] scale) {
    for (int t = 0; t < rowsPad; t++) {
      FloatVector f = FloatVector.broadcast(S, scale[t]);
      for (int j = 0; j < width; j += L) {
        f.mul(FloatVector.fromArray(S, w, j)).intoArray(g, t * width + j);
      }
    }
  }

  @Override
  void outer(float[] dw, int off, int ws, float[] dl, int ds, int jc, float[] x) {
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
      float[] dw, int off, int ws, float[] dl, int ds, int j, float[] x, int i, int rows) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0; t < rows; t++) {
      FloatVector x0 = FloatVector.fromArray(S, x, t * ws + i);
      FloatVector x1 = FloatVector.fromArray(S, x, t * ws + i + L);
      int o = t * ds + j;
      FloatVector f0 = FloatVector.broadcast(S, dl[o]);
      FloatVector f1 = FloatVector.broadcast(S, dl[o + 1]);
      FloatVector f2 = FloatVector.broadcast(S, dl[o + 2]);
      FloatVector f3 = FloatVector.broadcast(S, dl[o + 3]);
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
      float[] dw, int off, int ws, float[] dl, int ds, int j, float[] x, int i, int rows) {
    FloatVector c = FloatVector.zero(S);
    for (int t = 0; t < rows; t++) {
      c = FloatVector.broadcast(S, dl[t * ds + j]).fma(FloatVector.fromArray(S, x, t * ws + i), c);
    }
    add(dw, off + j * ws + i, c);
  }

  @Override
  void outer2(
      float[] dw, int off, int ws, float[] dl1, float[] x1, float[] dl2, float[] x2, int ds,
      int jc) {
    int j = 0;
    for (; j + 4 <= jc; j += 4) {
      for (int i = 0; i < ws; i += L) outer2x4(dw, off, ws, dl1, x1, dl2, x2, ds, j, i, rows);
    }
    for (; j < jc; j++) {
      for (int i = 0; i < ws; i += L) {
        FloatVector c = FloatVector.zero(S);
        for (int t = 0; t < rows; t++) {
          c = FloatVector.broadcast(S, dl1[t * ds + j])
              .fma(FloatVector.fromArray(S, x1, t * ws + i), c);
          c = FloatVector.broadcast(S, dl2[t * ds + j])
              .fma(FloatVector.fromArray(S, x2, t * ws + i), c);
        }
        add(dw, off + j * ws + i, c);
      }
    }
  }

  /** Four output rows j..j+3, one vector of inputs, two rank-t terms: 8 FMAs per t. */
  private static void outer2x4(float[] dw, int off, int ws, float[] dl1, float[] x1,
      float[] dl2, float[] x2, int ds, int j, int i, int rows) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    FloatVector e0 = c0, e1 = c0, e2 = c0, e3 = c0;
    for (int t = 0; t < rows; t++) {
      FloatVector a = FloatVector.fromArray(S, x1, t * ws + i);
      FloatVector b = FloatVector.fromArray(S, x2, t * ws + i);
      int o = t * ds + j;
      c0 = FloatVector.broadcast(S, dl1[o]).fma(a, c0);
      c1 = FloatVector.broadcast(S, dl1[o + 1]).fma(a, c1);
      c2 = FloatVector.broadcast(S, dl1[o + 2]).fma(a, c2);
      c3 = FloatVector.broadcast(S, dl1[o + 3]).fma(a, c3);
      e0 = FloatVector.broadcast(S, dl2[o]).fma(b, e0);
      e1 = FloatVector.broadcast(S, dl2[o + 1]).fma(b, e1);
      e2 = FloatVector.broadcast(S, dl2[o + 2]).fma(b, e2);
      e3 = FloatVector.broadcast(S, dl2[o + 3]).fma(b, e3);
    }
    int p = off + j * ws + i;
    add(dw, p, c0.add(e0));
    add(dw, p + ws, c1.add(e1));
    add(dw, p + 2 * ws, c2.add(e2));
    add(dw, p + 3 * ws, c3.add(e3));
  }

  private static void add(float[] dw, int p, FloatVector c) {
    FloatVector.fromArray(S, dw, p).add(c).intoArray(dw, p);
  }

  @Override
  void columnSum(float[] db, int off, float[] dl, int w, float[] scale) {
    for (int j = 0; j < w; j += L) {
      FloatVector c = FloatVector.fromArray(S, db, off + j);
      for (int t = 0; t < rows; t++) {
        FloatVector x = FloatVector.fromArray(S, dl, t * w + j);
        c = scale == null ? c.add(x) : FloatVector.broadcast(S, scale[t]).fma(x, c);
      }
      c.intoArray(db, off + j);
    }
  }
}

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
    int t = 0;
    if (w == L) {
      for (; t + 8 <= rowsPad; t += 8) gemm8x1(src, t * ss, ss, kc, m, bias, dst, t * w);
    }
    for (; t < rowsPad; t += 4) {
      int j = 0;
      for (; j + 4 * L <= w; j += 4 * L) gemm4x4(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
      for (; j + 2 * L <= w; j += 2 * L) gemm4x2(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
      for (; j < w; j += L) gemm4x1(src, t * ss, ss, kc, m, w, bias, dst, t * w, j);
    }
  }

  /**
   * Four rows × four vectors: 16 FMA chains per 4 loads and 4 broadcasts (4x2 does 8 per 2 + 4).
   * Every output element sums over i in the same order as the other blocks, so results agree
   * bitwise whichever block computes them.
   */
  private static void gemm4x4(float[] src, int so, int ss, int kc, float[] m, int w,
      float[] bias, float[] dst, int dOff, int j) {
    FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
    if (bias == null) {
      c00 = c01 = c02 = c03 = FloatVector.zero(S);
    } else {
      c00 = FloatVector.fromArray(S, bias, j);
      c01 = FloatVector.fromArray(S, bias, j + L);
      c02 = FloatVector.fromArray(S, bias, j + 2 * L);
      c03 = FloatVector.fromArray(S, bias, j + 3 * L);
    }
    c10 = c20 = c30 = c00;
    c11 = c21 = c31 = c01;
    c12 = c22 = c32 = c02;
    c13 = c23 = c33 = c03;
    for (int i = 0; i < kc; i++) {
      int mo = i * w + j;
      FloatVector m0 = FloatVector.fromArray(S, m, mo);
      FloatVector m1 = FloatVector.fromArray(S, m, mo + L);
      FloatVector m2 = FloatVector.fromArray(S, m, mo + 2 * L);
      FloatVector m3 = FloatVector.fromArray(S, m, mo + 3 * L);
      FloatVector x0 = FloatVector.broadcast(S, src[so + i]);
      c00 = x0.fma(m0, c00);
      c01 = x0.fma(m1, c01);
      c02 = x0.fma(m2, c02);
      c03 = x0.fma(m3, c03);
      FloatVector x1 = FloatVector.broadcast(S, src[so + ss + i]);
      c10 = x1.fma(m0, c10);
      c11 = x1.fma(m1, c11);
      c12 = x1.fma(m2, c12);
      c13 = x1.fma(m3, c13);
      FloatVector x2 = FloatVector.broadcast(S, src[so + 2 * ss + i]);
      c20 = x2.fma(m0, c20);
      c21 = x2.fma(m1, c21);
      c22 = x2.fma(m2, c22);
      c23 = x2.fma(m3, c23);
      FloatVector x3 = FloatVector.broadcast(S, src[so + 3 * ss + i]);
      c30 = x3.fma(m0, c30);
      c31 = x3.fma(m1, c31);
      c32 = x3.fma(m2, c32);
      c33 = x3.fma(m3, c33);
    }
    c00.intoArray(dst, dOff + j);
    c01.intoArray(dst, dOff + j + L);
    c02.intoArray(dst, dOff + j + 2 * L);
    c03.intoArray(dst, dOff + j + 3 * L);
    c10.intoArray(dst, dOff + w + j);
    c11.intoArray(dst, dOff + w + j + L);
    c12.intoArray(dst, dOff + w + j + 2 * L);
    c13.intoArray(dst, dOff + w + j + 3 * L);
    c20.intoArray(dst, dOff + 2 * w + j);
    c21.intoArray(dst, dOff + 2 * w + j + L);
    c22.intoArray(dst, dOff + 2 * w + j + 2 * L);
    c23.intoArray(dst, dOff + 2 * w + j + 3 * L);
    c30.intoArray(dst, dOff + 3 * w + j);
    c31.intoArray(dst, dOff + 3 * w + j + L);
    c32.intoArray(dst, dOff + 3 * w + j + 2 * L);
    c33.intoArray(dst, dOff + 3 * w + j + 3 * L);
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

  /** Eight rows × the single vector of a one-vector-wide layer: 8 independent FMA chains. */
  private static void gemm8x1(float[] src, int so, int ss, int kc, float[] m, float[] bias,
      float[] dst, int dOff) {
    FloatVector c0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, 0);
    FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    for (int i = 0; i < kc; i++) {
      FloatVector m0 = FloatVector.fromArray(S, m, i * L);
      c0 = FloatVector.broadcast(S, src[so + i]).fma(m0, c0);
      c1 = FloatVector.broadcast(S, src[so + ss + i]).fma(m0, c1);
      c2 = FloatVector.broadcast(S, src[so + 2 * ss + i]).fma(m0, c2);
      c3 = FloatVector.broadcast(S, src[so + 3 * ss + i]).fma(m0, c3);
      c4 = FloatVector.broadcast(S, src[so + 4 * ss + i]).fma(m0, c4);
      c5 = FloatVector.broadcast(S, src[so + 5 * ss + i]).fma(m0, c5);
      c6 = FloatVector.broadcast(S, src[so + 6 * ss + i]).fma(m0, c6);
      c7 = FloatVector.broadcast(S, src[so + 7 * ss + i]).fma(m0, c7);
    }
    c0.intoArray(dst, dOff);
    c1.intoArray(dst, dOff + L);
    c2.intoArray(dst, dOff + 2 * L);
    c3.intoArray(dst, dOff + 3 * L);
    c4.intoArray(dst, dOff + 4 * L);
    c5.intoArray(dst, dOff + 5 * L);
    c6.intoArray(dst, dOff + 6 * L);
    c7.intoArray(dst, dOff + 7 * L);
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
    activate(function, a, s1, s2, len);
  }

  /**
   * Elementwise, so shared with the sample-lane tile: {@code a = σ(a)}, σ' and, unless {@code s2}
   * is null (no tangent pass follows), σ''. The null test is loop-invariant: C2 unswitches it.
   */
  static void activate(MlpFunction function, float[] a, float[] s1, float[] s2, int len) {
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
      if (s2 != null) y.mul(minusTwo).mul(d1).intoArray(s2, i);
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
      if (s2 != null) d1.mul(y.fma(minusTwo, one)).intoArray(s2, i);
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
      if (s2 != null) y.mul(one.sub(y)).intoArray(s2, i);
    }
  }

  private static void sin(float[] a, float[] s1, float[] s2, int len) {
    for (int i = 0; i < len; i += L) {
      FloatVector z = FloatVector.fromArray(S, a, i);
      FloatVector y = z.lanewise(SIN);
      y.intoArray(a, i);
      z.lanewise(COS).intoArray(s1, i);
      if (s2 != null) y.neg().intoArray(s2, i);
    }
  }

  @Override
  void mul(float[] x, float[] y, float[] out, int len) {
    product(x, y, out, len);
  }

  /** {@code out = x ⊙ y} (elementwise, shared with the sample-lane tile). */
  static void product(float[] x, float[] y, float[] out, int len) {
    for (int i = 0; i < len; i += L) {
      FloatVector.fromArray(S, x, i).mul(FloatVector.fromArray(S, y, i)).intoArray(out, i);
    }
  }

  @Override
  void tangentDelta(
      float[] gd, float[] s1, float[] g, float[] s2, float[] zd, float[] out, int len) {
    tangentDeltas(gd, s1, g, s2, zd, out, len);
  }

  /** {@code out = gd ⊙ s1 + g ⊙ s2 ⊙ zd} (elementwise, shared with the sample-lane tile). */
  static void tangentDeltas(
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
  void outer(float[] dw, int off, int w, float[] x, int xs, int ic, float[] dl) {
    int i = 0;
    if (w == L) {
      for (; i + 8 <= ic; i += 8) outer8x1(dw, off, w, x, xs, dl, i, rows);
    } else {
      for (; i + 4 <= ic; i += 4) {
        int j = 0;
        for (; j + 2 * L <= w; j += 2 * L) outer4x2(dw, off, w, x, xs, dl, i, j, rows);
        for (; j < w; j += L) {
          for (int r = 0; r < 4; r++) outer1x1(dw, off, w, x, xs, dl, i + r, j, rows);
        }
      }
    }
    for (; i < ic; i++) {
      for (int j = 0; j < w; j += L) outer1x1(dw, off, w, x, xs, dl, i, j, rows);
    }
  }

  /** Inputs i..i+3 × two vectors of outputs: 8 independent FMA chains, like the GEMM block. */
  private static void outer4x2(float[] dw, int off, int w, float[] x, int xs, float[] dl, int i,
      int j, int rows) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0; t < rows; t++) {
      FloatVector m0 = FloatVector.fromArray(S, dl, t * w + j);
      FloatVector m1 = FloatVector.fromArray(S, dl, t * w + j + L);
      int o = t * xs + i;
      FloatVector f0 = FloatVector.broadcast(S, x[o]);
      FloatVector f1 = FloatVector.broadcast(S, x[o + 1]);
      FloatVector f2 = FloatVector.broadcast(S, x[o + 2]);
      FloatVector f3 = FloatVector.broadcast(S, x[o + 3]);
      c00 = f0.fma(m0, c00);
      c01 = f0.fma(m1, c01);
      c10 = f1.fma(m0, c10);
      c11 = f1.fma(m1, c11);
      c20 = f2.fma(m0, c20);
      c21 = f2.fma(m1, c21);
      c30 = f3.fma(m0, c30);
      c31 = f3.fma(m1, c31);
    }
    int p = off + i * w + j;
    FloatVector.fromArray(S, dw, p).add(c00).intoArray(dw, p);
    FloatVector.fromArray(S, dw, p + L).add(c01).intoArray(dw, p + L);
    FloatVector.fromArray(S, dw, p + w).add(c10).intoArray(dw, p + w);
    FloatVector.fromArray(S, dw, p + w + L).add(c11).intoArray(dw, p + w + L);
    FloatVector.fromArray(S, dw, p + 2 * w).add(c20).intoArray(dw, p + 2 * w);
    FloatVector.fromArray(S, dw, p + 2 * w + L).add(c21).intoArray(dw, p + 2 * w + L);
    FloatVector.fromArray(S, dw, p + 3 * w).add(c30).intoArray(dw, p + 3 * w);
    FloatVector.fromArray(S, dw, p + 3 * w + L).add(c31).intoArray(dw, p + 3 * w + L);
  }

  /** Inputs i..i+7 × one vector of outputs (layers exactly one vector wide). */
  private static void outer8x1(float[] dw, int off, int w, float[] x, int xs, float[] dl, int i,
      int rows) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    FloatVector c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    for (int t = 0; t < rows; t++) {
      FloatVector m = FloatVector.fromArray(S, dl, t * w);
      int o = t * xs + i;
      c0 = FloatVector.broadcast(S, x[o]).fma(m, c0);
      c1 = FloatVector.broadcast(S, x[o + 1]).fma(m, c1);
      c2 = FloatVector.broadcast(S, x[o + 2]).fma(m, c2);
      c3 = FloatVector.broadcast(S, x[o + 3]).fma(m, c3);
      c4 = FloatVector.broadcast(S, x[o + 4]).fma(m, c4);
      c5 = FloatVector.broadcast(S, x[o + 5]).fma(m, c5);
      c6 = FloatVector.broadcast(S, x[o + 6]).fma(m, c6);
      c7 = FloatVector.broadcast(S, x[o + 7]).fma(m, c7);
    }
    int p = off + i * w;
    FloatVector.fromArray(S, dw, p).add(c0).intoArray(dw, p);
    FloatVector.fromArray(S, dw, p + w).add(c1).intoArray(dw, p + w);
    FloatVector.fromArray(S, dw, p + 2 * w).add(c2).intoArray(dw, p + 2 * w);
    FloatVector.fromArray(S, dw, p + 3 * w).add(c3).intoArray(dw, p + 3 * w);
    FloatVector.fromArray(S, dw, p + 4 * w).add(c4).intoArray(dw, p + 4 * w);
    FloatVector.fromArray(S, dw, p + 5 * w).add(c5).intoArray(dw, p + 5 * w);
    FloatVector.fromArray(S, dw, p + 6 * w).add(c6).intoArray(dw, p + 6 * w);
    FloatVector.fromArray(S, dw, p + 7 * w).add(c7).intoArray(dw, p + 7 * w);
  }

  private static void outer1x1(float[] dw, int off, int w, float[] x, int xs, float[] dl, int i,
      int j, int rows) {
    FloatVector c = FloatVector.zero(S);
    for (int t = 0; t < rows; t++) {
      c = FloatVector.broadcast(S, x[t * xs + i]).fma(FloatVector.fromArray(S, dl, t * w + j), c);
    }
    FloatVector.fromArray(S, dw, off + i * w + j).add(c).intoArray(dw, off + i * w + j);
  }

  @Override
  void outer2(
      float[] dw, int off, int w, float[] x1, float[] dl1, float[] x2, float[] dl2, int xs,
      int ic) {
    int i = 0;
    if (w == L) {
      for (; i + 8 <= ic; i += 8) outer2x8x1(dw, off, w, x1, dl1, x2, dl2, xs, i, rows);
    } else {
      for (; i + 4 <= ic; i += 4) {
        int j = 0;
        for (; j + 2 * L <= w; j += 2 * L) outer2x4x2(dw, off, w, x1, dl1, x2, dl2, xs, i, j, rows);
        for (; j < w; j += L) {
          for (int r = 0; r < 4; r++) outer2x1x1(dw, off, w, x1, dl1, x2, dl2, xs, i + r, j, rows);
        }
      }
    }
    for (; i < ic; i++) {
      for (int j = 0; j < w; j += L) outer2x1x1(dw, off, w, x1, dl1, x2, dl2, xs, i, j, rows);
    }
  }

  /** As {@link #outer4x2} with both rank-t terms feeding the same 8 accumulators. */
  private static void outer2x4x2(float[] dw, int off, int w, float[] x1, float[] dl1,
      float[] x2, float[] dl2, int xs, int i, int j, int rows) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0; t < rows; t++) {
      FloatVector m0 = FloatVector.fromArray(S, dl1, t * w + j);
      FloatVector m1 = FloatVector.fromArray(S, dl1, t * w + j + L);
      FloatVector n0 = FloatVector.fromArray(S, dl2, t * w + j);
      FloatVector n1 = FloatVector.fromArray(S, dl2, t * w + j + L);
      int o = t * xs + i;
      FloatVector f = FloatVector.broadcast(S, x1[o]);
      FloatVector g = FloatVector.broadcast(S, x2[o]);
      c00 = g.fma(n0, f.fma(m0, c00));
      c01 = g.fma(n1, f.fma(m1, c01));
      f = FloatVector.broadcast(S, x1[o + 1]);
      g = FloatVector.broadcast(S, x2[o + 1]);
      c10 = g.fma(n0, f.fma(m0, c10));
      c11 = g.fma(n1, f.fma(m1, c11));
      f = FloatVector.broadcast(S, x1[o + 2]);
      g = FloatVector.broadcast(S, x2[o + 2]);
      c20 = g.fma(n0, f.fma(m0, c20));
      c21 = g.fma(n1, f.fma(m1, c21));
      f = FloatVector.broadcast(S, x1[o + 3]);
      g = FloatVector.broadcast(S, x2[o + 3]);
      c30 = g.fma(n0, f.fma(m0, c30));
      c31 = g.fma(n1, f.fma(m1, c31));
    }
    int p = off + i * w + j;
    FloatVector.fromArray(S, dw, p).add(c00).intoArray(dw, p);
    FloatVector.fromArray(S, dw, p + L).add(c01).intoArray(dw, p + L);
    FloatVector.fromArray(S, dw, p + w).add(c10).intoArray(dw, p + w);
    FloatVector.fromArray(S, dw, p + w + L).add(c11).intoArray(dw, p + w + L);
    FloatVector.fromArray(S, dw, p + 2 * w).add(c20).intoArray(dw, p + 2 * w);
    FloatVector.fromArray(S, dw, p + 2 * w + L).add(c21).intoArray(dw, p + 2 * w + L);
    FloatVector.fromArray(S, dw, p + 3 * w).add(c30).intoArray(dw, p + 3 * w);
    FloatVector.fromArray(S, dw, p + 3 * w + L).add(c31).intoArray(dw, p + 3 * w + L);
  }

  private static void outer2x8x1(float[] dw, int off, int w, float[] x1, float[] dl1,
      float[] x2, float[] dl2, int xs, int i, int rows) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    FloatVector c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    for (int t = 0; t < rows; t++) {
      FloatVector m = FloatVector.fromArray(S, dl1, t * w);
      FloatVector n = FloatVector.fromArray(S, dl2, t * w);
      int o = t * xs + i;
      c0 = FloatVector.broadcast(S, x2[o]).fma(n, FloatVector.broadcast(S, x1[o]).fma(m, c0));
      c1 = FloatVector.broadcast(S, x2[o + 1])
          .fma(n, FloatVector.broadcast(S, x1[o + 1]).fma(m, c1));
      c2 = FloatVector.broadcast(S, x2[o + 2])
          .fma(n, FloatVector.broadcast(S, x1[o + 2]).fma(m, c2));
      c3 = FloatVector.broadcast(S, x2[o + 3])
          .fma(n, FloatVector.broadcast(S, x1[o + 3]).fma(m, c3));
      c4 = FloatVector.broadcast(S, x2[o + 4])
          .fma(n, FloatVector.broadcast(S, x1[o + 4]).fma(m, c4));
      c5 = FloatVector.broadcast(S, x2[o + 5])
          .fma(n, FloatVector.broadcast(S, x1[o + 5]).fma(m, c5));
      c6 = FloatVector.broadcast(S, x2[o + 6])
          .fma(n, FloatVector.broadcast(S, x1[o + 6]).fma(m, c6));
      c7 = FloatVector.broadcast(S, x2[o + 7])
          .fma(n, FloatVector.broadcast(S, x1[o + 7]).fma(m, c7));
    }
    int p = off + i * w;
    FloatVector.fromArray(S, dw, p).add(c0).intoArray(dw, p);
    FloatVector.fromArray(S, dw, p + w).add(c1).intoArray(dw, p + w);
    FloatVector.fromArray(S, dw, p + 2 * w).add(c2).intoArray(dw, p + 2 * w);
    FloatVector.fromArray(S, dw, p + 3 * w).add(c3).intoArray(dw, p + 3 * w);
    FloatVector.fromArray(S, dw, p + 4 * w).add(c4).intoArray(dw, p + 4 * w);
    FloatVector.fromArray(S, dw, p + 5 * w).add(c5).intoArray(dw, p + 5 * w);
    FloatVector.fromArray(S, dw, p + 6 * w).add(c6).intoArray(dw, p + 6 * w);
    FloatVector.fromArray(S, dw, p + 7 * w).add(c7).intoArray(dw, p + 7 * w);
  }

  private static void outer2x1x1(float[] dw, int off, int w, float[] x1, float[] dl1,
      float[] x2, float[] dl2, int xs, int i, int j, int rows) {
    FloatVector c = FloatVector.zero(S);
    for (int t = 0; t < rows; t++) {
      c = FloatVector.broadcast(S, x1[t * xs + i])
          .fma(FloatVector.fromArray(S, dl1, t * w + j), c);
      c = FloatVector.broadcast(S, x2[t * xs + i])
          .fma(FloatVector.fromArray(S, dl2, t * w + j), c);
    }
    FloatVector.fromArray(S, dw, off + i * w + j).add(c).intoArray(dw, off + i * w + j);
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

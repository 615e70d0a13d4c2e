package org.hamlab.engine.simd;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LSHL;
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
 * small method with constant operators (libraries.md §3.6). Double tanh is written out (see
 * {@link #tanh}), never the lanewise TANH, which is slower than scalar here (§3.4), nor SVML's
 * EXPM1, which is about 4× slower at the same accuracy.
 *
 * <p>Longer than 400 lines because it is one op family (GEMM, activations, rank-t updates) whose
 * register blocks are written out by hand; {@link MlpPanamaF32} mirrors it line by line.
 */
final class MlpPanamaF64 extends MlpTileF64 {
  private static final VectorSpecies<Double> S = MlpSpecies.DOUBLE_SPECIES;
  private static final int L = S.length();

  MlpPanamaF64(MlpShape shape, MlpWeightsF64 weights, MlpFunction function) {
    super(shape, weights, function);
  }

  @Override
  void gemm(double[] src, int ss, int kc, double[] m, int w, double[] bias, double[] dst) {
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
  private static void gemm4x4(double[] src, int so, int ss, int kc, double[] m, int w,
      double[] bias, double[] dst, int dOff, int j) {
    DoubleVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
    if (bias == null) {
      c00 = c01 = c02 = c03 = DoubleVector.zero(S);
    } else {
      c00 = DoubleVector.fromArray(S, bias, j);
      c01 = DoubleVector.fromArray(S, bias, j + L);
      c02 = DoubleVector.fromArray(S, bias, j + 2 * L);
      c03 = DoubleVector.fromArray(S, bias, j + 3 * L);
    }
    c10 = c20 = c30 = c00;
    c11 = c21 = c31 = c01;
    c12 = c22 = c32 = c02;
    c13 = c23 = c33 = c03;
    for (int i = 0; i < kc; i++) {
      int mo = i * w + j;
      DoubleVector m0 = DoubleVector.fromArray(S, m, mo);
      DoubleVector m1 = DoubleVector.fromArray(S, m, mo + L);
      DoubleVector m2 = DoubleVector.fromArray(S, m, mo + 2 * L);
      DoubleVector m3 = DoubleVector.fromArray(S, m, mo + 3 * L);
      DoubleVector x0 = DoubleVector.broadcast(S, src[so + i]);
      c00 = x0.fma(m0, c00);
      c01 = x0.fma(m1, c01);
      c02 = x0.fma(m2, c02);
      c03 = x0.fma(m3, c03);
      DoubleVector x1 = DoubleVector.broadcast(S, src[so + ss + i]);
      c10 = x1.fma(m0, c10);
      c11 = x1.fma(m1, c11);
      c12 = x1.fma(m2, c12);
      c13 = x1.fma(m3, c13);
      DoubleVector x2 = DoubleVector.broadcast(S, src[so + 2 * ss + i]);
      c20 = x2.fma(m0, c20);
      c21 = x2.fma(m1, c21);
      c22 = x2.fma(m2, c22);
      c23 = x2.fma(m3, c23);
      DoubleVector x3 = DoubleVector.broadcast(S, src[so + 3 * ss + i]);
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

  /** Eight rows × the single vector of a one-vector-wide layer: 8 independent FMA chains. */
  private static void gemm8x1(double[] src, int so, int ss, int kc, double[] m, double[] bias,
      double[] dst, int dOff) {
    DoubleVector c0 = bias == null ? DoubleVector.zero(S) : DoubleVector.fromArray(S, bias, 0);
    DoubleVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    for (int i = 0; i < kc; i++) {
      DoubleVector m0 = DoubleVector.fromArray(S, m, i * L);
      c0 = DoubleVector.broadcast(S, src[so + i]).fma(m0, c0);
      c1 = DoubleVector.broadcast(S, src[so + ss + i]).fma(m0, c1);
      c2 = DoubleVector.broadcast(S, src[so + 2 * ss + i]).fma(m0, c2);
      c3 = DoubleVector.broadcast(S, src[so + 3 * ss + i]).fma(m0, c3);
      c4 = DoubleVector.broadcast(S, src[so + 4 * ss + i]).fma(m0, c4);
      c5 = DoubleVector.broadcast(S, src[so + 5 * ss + i]).fma(m0, c5);
      c6 = DoubleVector.broadcast(S, src[so + 6 * ss + i]).fma(m0, c6);
      c7 = DoubleVector.broadcast(S, src[so + 7 * ss + i]).fma(m0, c7);
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
    activate(function, a, s1, s2, len);
  }

  /**
   * Elementwise, so shared with the sample-lane tile: {@code a = σ(a)}, σ' and, unless {@code s2}
   * is null (no tangent pass follows), σ''. The null test is loop-invariant: C2 unswitches it.
   */
  static void activate(MlpFunction function, double[] a, double[] s1, double[] s2, int len) {
    switch (function) {
      case TANH -> tanh(a, s1, s2, len);
      case SIGMOID -> sigmoid(a, s1, s2, len);
      case SOFTPLUS -> softplus(a, s1, s2, len);
      case SIN -> sin(a, s1, s2, len);
    }
  }

  private static final double LOG2E = 1.4426950408889634;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double ROUND = 0x1.8p52;
  private static final long EXP_BIAS = 0x3FF0000000000000L;
  // Cephes exp rational for |r| ≤ ln2/2: e^r = 1 + N/D, N = 2r·P(r²), D = Q(r²) − r·P(r²)
  private static final double P0 = 2 * 1.26177193074810590878e-4;
  private static final double P1 = 2 * 3.02994407707441961300e-2;
  private static final double P2 = 2 * 9.99999999999999999910e-1;
  private static final double Q0 = 3.00198505138664455042e-6;
  private static final double Q1 = 2.52448340349684104192e-3;
  private static final double Q2 = 2.27265548208155028766e-1;
  private static final double Q3 = 2.00000000000000000009e0;

  /**
   * tanh|z| = expm1(y)/(expm1(y) + 2) with y = 2|z| ≤ 40 (|z| clamped at 20, where tanh = 1 in
   * double), in one division: y = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite split of ln2), e^r = 1 +
   * N/D by Cephes' rational (N = 2r·P(r²), D = Q(r²) − N/2), s = 2^k, so expm1(y) = (sN + (s−1)D)/D
   * and tanh|z| = (sN + (s−1)D)/(sN + (s+1)D). sN is exact and each sum is one FMA; for k = 0 the
   * numerator is N, with no cancellation. At most 4 ulp from StrictMath.tanh (MlpOpsTest); ≈ 30
   * vector operations per 8 lanes, 0.8 ns per element on one Zen 5 core (BENCHMARKS.md).
   */
  static void tanh(double[] a, double[] s1, double[] s2, int len) {
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    DoubleVector minusTwo = DoubleVector.broadcast(S, -2.0);
    DoubleVector log2e = DoubleVector.broadcast(S, LOG2E);
    DoubleVector round = DoubleVector.broadcast(S, ROUND);
    DoubleVector ln2Hi = DoubleVector.broadcast(S, -LN2_HI);
    DoubleVector ln2Lo = DoubleVector.broadcast(S, -LN2_LO);
    for (int i = 0; i < len; i += L) {
      DoubleVector z = DoubleVector.fromArray(S, a, i);
      VectorMask<Double> negative = z.compare(LT, 0.0);
      DoubleVector y = z.abs().min(20.0).mul(2.0);
      DoubleVector t = y.fma(log2e, round);
      DoubleVector k = t.sub(round);
      DoubleVector r = k.fma(ln2Hi, y);
      r = k.fma(ln2Lo, r);
      DoubleVector r2 = r.mul(r);
      DoubleVector p = r2.fma(DoubleVector.broadcast(S, P0), DoubleVector.broadcast(S, P1));
      DoubleVector n = r.mul(r2.fma(p, DoubleVector.broadcast(S, P2)));
      DoubleVector q = r2.fma(DoubleVector.broadcast(S, Q0), DoubleVector.broadcast(S, Q1));
      q = r2.fma(q, DoubleVector.broadcast(S, Q2));
      q = r2.fma(q, DoubleVector.broadcast(S, Q3));
      DoubleVector d = n.fma(DoubleVector.broadcast(S, -0.5), q);
      DoubleVector s =
          t.reinterpretAsLongs().lanewise(LSHL, 52).add(EXP_BIAS).reinterpretAsDoubles();
      DoubleVector sn = s.mul(n);
      DoubleVector num = s.sub(one).fma(d, sn);
      DoubleVector th = num.div(s.add(one).fma(d, sn)).lanewise(NEG, negative);
      DoubleVector d1 = th.neg().fma(th, one);
      th.intoArray(a, i);
      d1.intoArray(s1, i);
      if (s2 != null) th.mul(minusTwo).mul(d1).intoArray(s2, i);
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
      if (s2 != null) d1.mul(y.fma(minusTwo, one)).intoArray(s2, i);
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
      if (s2 != null) y.mul(one.sub(y)).intoArray(s2, i);
    }
  }

  private static void sin(double[] a, double[] s1, double[] s2, int len) {
    for (int i = 0; i < len; i += L) {
      DoubleVector z = DoubleVector.fromArray(S, a, i);
      DoubleVector y = z.lanewise(SIN);
      y.intoArray(a, i);
      z.lanewise(COS).intoArray(s1, i);
      if (s2 != null) y.neg().intoArray(s2, i);
    }
  }

  @Override
  void mul(double[] x, double[] y, double[] out, int len) {
    product(x, y, out, len);
  }

  /** {@code out = x ⊙ y} (elementwise, shared with the sample-lane tile). */
  static void product(double[] x, double[] y, double[] out, int len) {
    for (int i = 0; i < len; i += L) {
      DoubleVector.fromArray(S, x, i).mul(DoubleVector.fromArray(S, y, i)).intoArray(out, i);
    }
  }

  @Override
  void tangentDelta(
      double[] gd, double[] s1, double[] g, double[] s2, double[] zd, double[] out, int len) {
    tangentDeltas(gd, s1, g, s2, zd, out, len);
  }

  /** {@code out = gd ⊙ s1 + g ⊙ s2 ⊙ zd} (elementwise, shared with the sample-lane tile). */
  static void tangentDeltas(
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
  void outer(double[] dw, int off, int w, double[] x, int xs, int ic, double[] dl) {
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
  private static void outer4x2(double[] dw, int off, int w, double[] x, int xs, double[] dl, int i,
      int j, int rows) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0; t < rows; t++) {
      DoubleVector m0 = DoubleVector.fromArray(S, dl, t * w + j);
      DoubleVector m1 = DoubleVector.fromArray(S, dl, t * w + j + L);
      int o = t * xs + i;
      DoubleVector f0 = DoubleVector.broadcast(S, x[o]);
      DoubleVector f1 = DoubleVector.broadcast(S, x[o + 1]);
      DoubleVector f2 = DoubleVector.broadcast(S, x[o + 2]);
      DoubleVector f3 = DoubleVector.broadcast(S, x[o + 3]);
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
    DoubleVector.fromArray(S, dw, p).add(c00).intoArray(dw, p);
    DoubleVector.fromArray(S, dw, p + L).add(c01).intoArray(dw, p + L);
    DoubleVector.fromArray(S, dw, p + w).add(c10).intoArray(dw, p + w);
    DoubleVector.fromArray(S, dw, p + w + L).add(c11).intoArray(dw, p + w + L);
    DoubleVector.fromArray(S, dw, p + 2 * w).add(c20).intoArray(dw, p + 2 * w);
    DoubleVector.fromArray(S, dw, p + 2 * w + L).add(c21).intoArray(dw, p + 2 * w + L);
    DoubleVector.fromArray(S, dw, p + 3 * w).add(c30).intoArray(dw, p + 3 * w);
    DoubleVector.fromArray(S, dw, p + 3 * w + L).add(c31).intoArray(dw, p + 3 * w + L);
  }

  /** Inputs i..i+7 × one vector of outputs (layers exactly one vector wide). */
  private static void outer8x1(double[] dw, int off, int w, double[] x, int xs, double[] dl, int i,
      int rows) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    DoubleVector c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    for (int t = 0; t < rows; t++) {
      DoubleVector m = DoubleVector.fromArray(S, dl, t * w);
      int o = t * xs + i;
      c0 = DoubleVector.broadcast(S, x[o]).fma(m, c0);
      c1 = DoubleVector.broadcast(S, x[o + 1]).fma(m, c1);
      c2 = DoubleVector.broadcast(S, x[o + 2]).fma(m, c2);
      c3 = DoubleVector.broadcast(S, x[o + 3]).fma(m, c3);
      c4 = DoubleVector.broadcast(S, x[o + 4]).fma(m, c4);
      c5 = DoubleVector.broadcast(S, x[o + 5]).fma(m, c5);
      c6 = DoubleVector.broadcast(S, x[o + 6]).fma(m, c6);
      c7 = DoubleVector.broadcast(S, x[o + 7]).fma(m, c7);
    }
    int p = off + i * w;
    DoubleVector.fromArray(S, dw, p).add(c0).intoArray(dw, p);
    DoubleVector.fromArray(S, dw, p + w).add(c1).intoArray(dw, p + w);
    DoubleVector.fromArray(S, dw, p + 2 * w).add(c2).intoArray(dw, p + 2 * w);
    DoubleVector.fromArray(S, dw, p + 3 * w).add(c3).intoArray(dw, p + 3 * w);
    DoubleVector.fromArray(S, dw, p + 4 * w).add(c4).intoArray(dw, p + 4 * w);
    DoubleVector.fromArray(S, dw, p + 5 * w).add(c5).intoArray(dw, p + 5 * w);
    DoubleVector.fromArray(S, dw, p + 6 * w).add(c6).intoArray(dw, p + 6 * w);
    DoubleVector.fromArray(S, dw, p + 7 * w).add(c7).intoArray(dw, p + 7 * w);
  }

  private static void outer1x1(double[] dw, int off, int w, double[] x, int xs, double[] dl, int i,
      int j, int rows) {
    DoubleVector c = DoubleVector.zero(S);
    for (int t = 0; t < rows; t++) {
      c = DoubleVector.broadcast(S, x[t * xs + i]).fma(DoubleVector.fromArray(S, dl, t * w + j), c);
    }
    DoubleVector.fromArray(S, dw, off + i * w + j).add(c).intoArray(dw, off + i * w + j);
  }

  @Override
  void outer2(
      double[] dw, int off, int w, double[] x1, double[] dl1, double[] x2, double[] dl2, int xs,
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
  private static void outer2x4x2(double[] dw, int off, int w, double[] x1, double[] dl1,
      double[] x2, double[] dl2, int xs, int i, int j, int rows) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0; t < rows; t++) {
      DoubleVector m0 = DoubleVector.fromArray(S, dl1, t * w + j);
      DoubleVector m1 = DoubleVector.fromArray(S, dl1, t * w + j + L);
      DoubleVector n0 = DoubleVector.fromArray(S, dl2, t * w + j);
      DoubleVector n1 = DoubleVector.fromArray(S, dl2, t * w + j + L);
      int o = t * xs + i;
      DoubleVector f = DoubleVector.broadcast(S, x1[o]);
      DoubleVector g = DoubleVector.broadcast(S, x2[o]);
      c00 = g.fma(n0, f.fma(m0, c00));
      c01 = g.fma(n1, f.fma(m1, c01));
      f = DoubleVector.broadcast(S, x1[o + 1]);
      g = DoubleVector.broadcast(S, x2[o + 1]);
      c10 = g.fma(n0, f.fma(m0, c10));
      c11 = g.fma(n1, f.fma(m1, c11));
      f = DoubleVector.broadcast(S, x1[o + 2]);
      g = DoubleVector.broadcast(S, x2[o + 2]);
      c20 = g.fma(n0, f.fma(m0, c20));
      c21 = g.fma(n1, f.fma(m1, c21));
      f = DoubleVector.broadcast(S, x1[o + 3]);
      g = DoubleVector.broadcast(S, x2[o + 3]);
      c30 = g.fma(n0, f.fma(m0, c30));
      c31 = g.fma(n1, f.fma(m1, c31));
    }
    int p = off + i * w + j;
    DoubleVector.fromArray(S, dw, p).add(c00).intoArray(dw, p);
    DoubleVector.fromArray(S, dw, p + L).add(c01).intoArray(dw, p + L);
    DoubleVector.fromArray(S, dw, p + w).add(c10).intoArray(dw, p + w);
    DoubleVector.fromArray(S, dw, p + w + L).add(c11).intoArray(dw, p + w + L);
    DoubleVector.fromArray(S, dw, p + 2 * w).add(c20).intoArray(dw, p + 2 * w);
    DoubleVector.fromArray(S, dw, p + 2 * w + L).add(c21).intoArray(dw, p + 2 * w + L);
    DoubleVector.fromArray(S, dw, p + 3 * w).add(c30).intoArray(dw, p + 3 * w);
    DoubleVector.fromArray(S, dw, p + 3 * w + L).add(c31).intoArray(dw, p + 3 * w + L);
  }

  private static void outer2x8x1(double[] dw, int off, int w, double[] x1, double[] dl1,
      double[] x2, double[] dl2, int xs, int i, int rows) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    DoubleVector c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    for (int t = 0; t < rows; t++) {
      DoubleVector m = DoubleVector.fromArray(S, dl1, t * w);
      DoubleVector n = DoubleVector.fromArray(S, dl2, t * w);
      int o = t * xs + i;
      c0 = DoubleVector.broadcast(S, x2[o]).fma(n, DoubleVector.broadcast(S, x1[o]).fma(m, c0));
      c1 = DoubleVector.broadcast(S, x2[o + 1])
          .fma(n, DoubleVector.broadcast(S, x1[o + 1]).fma(m, c1));
      c2 = DoubleVector.broadcast(S, x2[o + 2])
          .fma(n, DoubleVector.broadcast(S, x1[o + 2]).fma(m, c2));
      c3 = DoubleVector.broadcast(S, x2[o + 3])
          .fma(n, DoubleVector.broadcast(S, x1[o + 3]).fma(m, c3));
      c4 = DoubleVector.broadcast(S, x2[o + 4])
          .fma(n, DoubleVector.broadcast(S, x1[o + 4]).fma(m, c4));
      c5 = DoubleVector.broadcast(S, x2[o + 5])
          .fma(n, DoubleVector.broadcast(S, x1[o + 5]).fma(m, c5));
      c6 = DoubleVector.broadcast(S, x2[o + 6])
          .fma(n, DoubleVector.broadcast(S, x1[o + 6]).fma(m, c6));
      c7 = DoubleVector.broadcast(S, x2[o + 7])
          .fma(n, DoubleVector.broadcast(S, x1[o + 7]).fma(m, c7));
    }
    int p = off + i * w;
    DoubleVector.fromArray(S, dw, p).add(c0).intoArray(dw, p);
    DoubleVector.fromArray(S, dw, p + w).add(c1).intoArray(dw, p + w);
    DoubleVector.fromArray(S, dw, p + 2 * w).add(c2).intoArray(dw, p + 2 * w);
    DoubleVector.fromArray(S, dw, p + 3 * w).add(c3).intoArray(dw, p + 3 * w);
    DoubleVector.fromArray(S, dw, p + 4 * w).add(c4).intoArray(dw, p + 4 * w);
    DoubleVector.fromArray(S, dw, p + 5 * w).add(c5).intoArray(dw, p + 5 * w);
    DoubleVector.fromArray(S, dw, p + 6 * w).add(c6).intoArray(dw, p + 6 * w);
    DoubleVector.fromArray(S, dw, p + 7 * w).add(c7).intoArray(dw, p + 7 * w);
  }

  private static void outer2x1x1(double[] dw, int off, int w, double[] x1, double[] dl1,
      double[] x2, double[] dl2, int xs, int i, int j, int rows) {
    DoubleVector c = DoubleVector.zero(S);
    for (int t = 0; t < rows; t++) {
      c = DoubleVector.broadcast(S, x1[t * xs + i])
          .fma(DoubleVector.fromArray(S, dl1, t * w + j), c);
      c = DoubleVector.broadcast(S, x2[t * xs + i])
          .fma(DoubleVector.fromArray(S, dl2, t * w + j), c);
    }
    DoubleVector.fromArray(S, dw, off + i * w + j).add(c).intoArray(dw, off + i * w + j);
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

package org.hamlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float Vector API kernels of {@link MlpSampleTileF32}, where a micro-tile array holds one row per
 * neuron and the samples of that neuron contiguous ({@code x[j*R + t]}, R = rows per micro-tile),
 * so every vector carries consecutive samples of one neuron. Narrow layers then cost no
 * broadcasts of activations: the GEMM register block is 4 outputs × 4 sample vectors, per input
 * 4 weight broadcasts and 4 vector loads feed 16 FMAs. Sums over samples (parameter gradients)
 * accumulate per lane and are reduced across lanes once per micro-tile in a fixed order.
 * {@link MlpSampleKernelsF64} mirrors this class.
 */
final class MlpSampleKernelsF32 {
  private static final VectorSpecies<Float> S = MlpSpecies.FLOAT_SPECIES;
  static final int L = S.length();

  private MlpSampleKernelsF32() {}

  /**
   * {@code dst[j*R + t] = bias[j] + Σ_{i<kc} m[j*ms + i]·src[i*R + t]} for j < outs and the first
   * {@code nv} vectors of samples (bias null: 0). Every element sums over i in the same order
   * whichever block computes it, so per-sample results do not depend on how the batch is cut.
   */
  static void gemm(float[] src, int kc, float[] m, int ms, int outs, float[] bias, float[] dst,
      int r, int nv) {
    int v = 0;
    for (; v + 4 <= nv; v += 4) {
      int j = 0;
      for (; j + 4 <= outs; j += 4) gemm4x4(src, kc, m, ms, bias, dst, r, j, v * L);
      for (; j < outs; j++) gemm1x4(src, kc, m, ms, bias, dst, r, j, v * L);
    }
    for (; v < nv; v++) {
      int j = 0;
      for (; j + 4 <= outs; j += 4) gemm4x1(src, kc, m, ms, bias, dst, r, j, v * L);
      for (; j < outs; j++) gemm1x1(src, kc, m, ms, bias, dst, r, j, v * L);
    }
  }

  private static FloatVector start(float[] bias, int j) {
    return bias == null ? FloatVector.zero(S) : FloatVector.broadcast(S, bias[j]);
  }

  /** Four outputs × four sample vectors: 16 FMA chains per 4 broadcasts and 4 loads. */
  private static void gemm4x4(float[] src, int kc, float[] m, int ms, float[] bias, float[] dst,
      int r, int j, int t) {
    FloatVector c00 = start(bias, j), c01 = c00, c02 = c00, c03 = c00;
    FloatVector c10 = start(bias, j + 1), c11 = c10, c12 = c10, c13 = c10;
    FloatVector c20 = start(bias, j + 2), c21 = c20, c22 = c20, c23 = c20;
    FloatVector c30 = start(bias, j + 3), c31 = c30, c32 = c30, c33 = c30;
    int m0 = j * ms;
    for (int i = 0; i < kc; i++) {
      int o = i * r + t;
      FloatVector x0 = FloatVector.fromArray(S, src, o);
      FloatVector x1 = FloatVector.fromArray(S, src, o + L);
      FloatVector x2 = FloatVector.fromArray(S, src, o + 2 * L);
      FloatVector x3 = FloatVector.fromArray(S, src, o + 3 * L);
      FloatVector w = FloatVector.broadcast(S, m[m0 + i]);
      c00 = x0.fma(w, c00);
      c01 = x1.fma(w, c01);
      c02 = x2.fma(w, c02);
      c03 = x3.fma(w, c03);
      w = FloatVector.broadcast(S, m[m0 + ms + i]);
      c10 = x0.fma(w, c10);
      c11 = x1.fma(w, c11);
      c12 = x2.fma(w, c12);
      c13 = x3.fma(w, c13);
      w = FloatVector.broadcast(S, m[m0 + 2 * ms + i]);
      c20 = x0.fma(w, c20);
      c21 = x1.fma(w, c21);
      c22 = x2.fma(w, c22);
      c23 = x3.fma(w, c23);
      w = FloatVector.broadcast(S, m[m0 + 3 * ms + i]);
      c30 = x0.fma(w, c30);
      c31 = x1.fma(w, c31);
      c32 = x2.fma(w, c32);
      c33 = x3.fma(w, c33);
    }
    int d = j * r + t;
    c00.intoArray(dst, d);
    c01.intoArray(dst, d + L);
    c02.intoArray(dst, d + 2 * L);
    c03.intoArray(dst, d + 3 * L);
    d += r;
    c10.intoArray(dst, d);
    c11.intoArray(dst, d + L);
    c12.intoArray(dst, d + 2 * L);
    c13.intoArray(dst, d + 3 * L);
    d += r;
    c20.intoArray(dst, d);
    c21.intoArray(dst, d + L);
    c22.intoArray(dst, d + 2 * L);
    c23.intoArray(dst, d + 3 * L);
    d += r;
    c30.intoArray(dst, d);
    c31.intoArray(dst, d + L);
    c32.intoArray(dst, d + 2 * L);
    c33.intoArray(dst, d + 3 * L);
  }

  private static void gemm1x4(float[] src, int kc, float[] m, int ms, float[] bias, float[] dst,
      int r, int j, int t) {
    FloatVector c0 = start(bias, j), c1 = c0, c2 = c0, c3 = c0;
    int m0 = j * ms;
    for (int i = 0; i < kc; i++) {
      int o = i * r + t;
      FloatVector w = FloatVector.broadcast(S, m[m0 + i]);
      c0 = FloatVector.fromArray(S, src, o).fma(w, c0);
      c1 = FloatVector.fromArray(S, src, o + L).fma(w, c1);
      c2 = FloatVector.fromArray(S, src, o + 2 * L).fma(w, c2);
      c3 = FloatVector.fromArray(S, src, o + 3 * L).fma(w, c3);
    }
    int d = j * r + t;
    c0.intoArray(dst, d);
    c1.intoArray(dst, d + L);
    c2.intoArray(dst, d + 2 * L);
    c3.intoArray(dst, d + 3 * L);
  }

  private static void gemm4x1(float[] src, int kc, float[] m, int ms, float[] bias, float[] dst,
      int r, int j, int t) {
    FloatVector c0 = start(bias, j), c1 = start(bias, j + 1);
    FloatVector c2 = start(bias, j + 2), c3 = start(bias, j + 3);
    int m0 = j * ms;
    for (int i = 0; i < kc; i++) {
      FloatVector x = FloatVector.fromArray(S, src, i * r + t);
      c0 = x.fma(FloatVector.broadcast(S, m[m0 + i]), c0);
      c1 = x.fma(FloatVector.broadcast(S, m[m0 + ms + i]), c1);
      c2 = x.fma(FloatVector.broadcast(S, m[m0 + 2 * ms + i]), c2);
      c3 = x.fma(FloatVector.broadcast(S, m[m0 + 3 * ms + i]), c3);
    }
    int d = j * r + t;
    c0.intoArray(dst, d);
    c1.intoArray(dst, d + r);
    c2.intoArray(dst, d + 2 * r);
    c3.intoArray(dst, d + 3 * r);
  }

  private static void gemm1x1(float[] src, int kc, float[] m, int ms, float[] bias, float[] dst,
      int r, int j, int t) {
    FloatVector c = start(bias, j);
    for (int i = 0; i < kc; i++) {
      c = FloatVector.fromArray(S, src, i * r + t).fma(FloatVector.broadcast(S, m[j * ms + i]), c);
    }
    c.intoArray(dst, j * r + t);
  }

  /** {@code out[from+t] = c + Σ_{j<outs} w[j]·a[j*R + t]} for t < rows (the output layer). */
  static void value(float[] a, float[] w, int outs, float c, double[] out, int from, int rows,
      int r, float[] tmp) {
    for (int t = 0; t < rows; t += L) {
      FloatVector acc = FloatVector.zero(S);
      for (int j = 0; j < outs; j++) {
        acc = FloatVector.fromArray(S, a, j * r + t).fma(FloatVector.broadcast(S, w[j]), acc);
      }
      acc.intoArray(tmp, t);
    }
    for (int t = 0; t < rows; t++) out[from + t] = tmp[t] + c;
  }

  /** {@code g[j*R + t] = w[j]·scale[t]} for j < outs, t < nv·L (δ seed of the reverse pass). */
  static void seed(float[] g, float[] w, int outs, float[] scale, int r, int nv) {
    for (int v = 0; v < nv * L; v += L) {
      FloatVector s = FloatVector.fromArray(S, scale, v);
      for (int j = 0; j < outs; j++) s.mul(w[j]).intoArray(g, j * r + v);
    }
  }

  /**
   * {@code dw[off + i*w + j] += Σ_t x[i*R + t]·dl[j*R + t]} for i < ic, j < outs over the first nv
   * sample vectors (the rank-t update δ aᵀ of paper.md §7.4 item 5, stored transposed as in
   * {@link MlpShape}, so L consecutive outputs j are one vector of the partial).
   */
  static void outer(float[] dw, int off, int w, float[] x, int ic, float[] dl, int outs, int r,
      int nv, float[] tmp) {
    int j = 0;
    if (L == 16) {
      for (; j + 16 <= outs; j += 16) {
        for (int i = 0; i < ic; i++) {
          outer16(tmp, x, i * r, dl, j * r, r, nv);
          fold16(tmp, dw, off + i * w + j);
        }
      }
    }
    for (; j < outs; j++) {
      for (int i = 0; i < ic; i++) {
        FloatVector c = FloatVector.zero(S);
        for (int t = 0; t < nv * L; t += L) {
          c = FloatVector.fromArray(S, x, i * r + t)
              .fma(FloatVector.fromArray(S, dl, j * r + t), c);
        }
        dw[off + i * w + j] += sum(c, tmp);
      }
    }
  }

  /**
   * One input × 16 outputs (L = 16): 16 per-lane sums over the samples, then one butterfly
   * ({@link #fold}) turns them into the vector of their 16 totals, added to {@code dw[p..p+16)}.
   */
  private static void outer16(float[] acc, float[] x, int xo, float[] dl, int d, int r,
      int nv) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0;
    FloatVector c15 = c0;
    for (int t = 0; t < nv * L; t += L) {
      FloatVector a = FloatVector.fromArray(S, x, xo + t);
      int o = d + t;
      c0 = FloatVector.fromArray(S, dl, o).fma(a, c0);
      c1 = FloatVector.fromArray(S, dl, o + r).fma(a, c1);
      c2 = FloatVector.fromArray(S, dl, o + 2 * r).fma(a, c2);
      c3 = FloatVector.fromArray(S, dl, o + 3 * r).fma(a, c3);
      c4 = FloatVector.fromArray(S, dl, o + 4 * r).fma(a, c4);
      c5 = FloatVector.fromArray(S, dl, o + 5 * r).fma(a, c5);
      c6 = FloatVector.fromArray(S, dl, o + 6 * r).fma(a, c6);
      c7 = FloatVector.fromArray(S, dl, o + 7 * r).fma(a, c7);
      c8 = FloatVector.fromArray(S, dl, o + 8 * r).fma(a, c8);
      c9 = FloatVector.fromArray(S, dl, o + 9 * r).fma(a, c9);
      c10 = FloatVector.fromArray(S, dl, o + 10 * r).fma(a, c10);
      c11 = FloatVector.fromArray(S, dl, o + 11 * r).fma(a, c11);
      c12 = FloatVector.fromArray(S, dl, o + 12 * r).fma(a, c12);
      c13 = FloatVector.fromArray(S, dl, o + 13 * r).fma(a, c13);
      c14 = FloatVector.fromArray(S, dl, o + 14 * r).fma(a, c14);
      c15 = FloatVector.fromArray(S, dl, o + 15 * r).fma(a, c15);
    }
    c0.intoArray(acc, 0);
    c1.intoArray(acc, L);
    c2.intoArray(acc, 2 * L);
    c3.intoArray(acc, 3 * L);
    c4.intoArray(acc, 4 * L);
    c5.intoArray(acc, 5 * L);
    c6.intoArray(acc, 6 * L);
    c7.intoArray(acc, 7 * L);
    c8.intoArray(acc, 8 * L);
    c9.intoArray(acc, 9 * L);
    c10.intoArray(acc, 10 * L);
    c11.intoArray(acc, 11 * L);
    c12.intoArray(acc, 12 * L);
    c13.intoArray(acc, 13 * L);
    c14.intoArray(acc, 14 * L);
    c15.intoArray(acc, 15 * L);
  }

  /**
   * As {@link #outer} with two rank-t terms, {@code x1 dl1ᵀ + x2 dl2ᵀ} (paper.md §7.4 item 4:
   * δ̇ aᵀ + δ ȧᵀ), both summed into the same per-lane accumulators.
   */
  static void outer2(float[] dw, int off, int w, float[] x1, float[] dl1, float[] x2,
      float[] dl2, int ic, int outs, int r, int nv, float[] tmp) {
    int j = 0;
    if (L == 16) {
      for (; j + 16 <= outs; j += 16) {
        for (int i = 0; i < ic; i++) {
          outer2x16(tmp, x1, dl1, x2, dl2, i * r, j * r, r, nv);
          fold16(tmp, dw, off + i * w + j);
        }
      }
    }
    for (; j < outs; j++) {
      for (int i = 0; i < ic; i++) {
        FloatVector c = FloatVector.zero(S);
        for (int t = 0; t < nv * L; t += L) {
          c = FloatVector.fromArray(S, x1, i * r + t)
              .fma(FloatVector.fromArray(S, dl1, j * r + t), c);
          c = FloatVector.fromArray(S, x2, i * r + t)
              .fma(FloatVector.fromArray(S, dl2, j * r + t), c);
        }
        dw[off + i * w + j] += sum(c, tmp);
      }
    }
  }

  private static void outer2x16(float[] acc, float[] x1, float[] dl1, float[] x2,
      float[] dl2, int xo, int d, int r, int nv) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0;
    FloatVector c15 = c0;
    for (int t = 0; t < nv * L; t += L) {
      FloatVector a = FloatVector.fromArray(S, x1, xo + t);
      FloatVector b = FloatVector.fromArray(S, x2, xo + t);
      int o = d + t;
      c0 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c0));
      o += r;
      c1 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c1));
      o += r;
      c2 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c2));
      o += r;
      c3 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c3));
      o += r;
      c4 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c4));
      o += r;
      c5 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c5));
      o += r;
      c6 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c6));
      o += r;
      c7 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c7));
      o += r;
      c8 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c8));
      o += r;
      c9 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c9));
      o += r;
      c10 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c10));
      o += r;
      c11 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c11));
      o += r;
      c12 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c12));
      o += r;
      c13 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c13));
      o += r;
      c14 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c14));
      o += r;
      c15 = FloatVector.fromArray(S, dl2, o).fma(b, FloatVector.fromArray(S, dl1, o).fma(a, c15));
    }
    c0.intoArray(acc, 0);
    c1.intoArray(acc, L);
    c2.intoArray(acc, 2 * L);
    c3.intoArray(acc, 3 * L);
    c4.intoArray(acc, 4 * L);
    c5.intoArray(acc, 5 * L);
    c6.intoArray(acc, 6 * L);
    c7.intoArray(acc, 7 * L);
    c8.intoArray(acc, 8 * L);
    c9.intoArray(acc, 9 * L);
    c10.intoArray(acc, 10 * L);
    c11.intoArray(acc, 11 * L);
    c12.intoArray(acc, 12 * L);
    c13.intoArray(acc, 13 * L);
    c14.intoArray(acc, 14 * L);
    c15.intoArray(acc, 15 * L);
  }

  /**
   * {@code db[off + j] += Σ_t scale[t]·x[j*R + t]} for j < outs over the first nv sample vectors
   * (scale null: 1).
   */
  static void rowSums(float[] db, int off, float[] x, int outs, float[] scale, int r, int nv,
      float[] tmp) {
    int j = 0;
    if (L == 16) {
      for (; j + 16 <= outs; j += 16) {
        rowSums16(tmp, x, j * r, scale, r, nv);
        fold16(tmp, db, off + j);
      }
    }
    for (; j < outs; j++) {
      FloatVector c = FloatVector.zero(S);
      for (int t = 0; t < nv * L; t += L) {
        FloatVector v = FloatVector.fromArray(S, x, j * r + t);
        c = scale == null ? c.add(v) : v.fma(FloatVector.fromArray(S, scale, t), c);
      }
      db[off + j] += sum(c, tmp);
    }
  }

  private static void rowSums16(float[] acc, float[] x, int d, float[] scale, int r,
      int nv) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0;
    FloatVector c15 = c0;
    for (int t = 0; t < nv * L; t += L) {
      FloatVector a = scale == null
          ? FloatVector.broadcast(S, 1.0f) : FloatVector.fromArray(S, scale, t);
      int o = d + t;
      c0 = FloatVector.fromArray(S, x, o).fma(a, c0);
      c1 = FloatVector.fromArray(S, x, o + r).fma(a, c1);
      c2 = FloatVector.fromArray(S, x, o + 2 * r).fma(a, c2);
      c3 = FloatVector.fromArray(S, x, o + 3 * r).fma(a, c3);
      c4 = FloatVector.fromArray(S, x, o + 4 * r).fma(a, c4);
      c5 = FloatVector.fromArray(S, x, o + 5 * r).fma(a, c5);
      c6 = FloatVector.fromArray(S, x, o + 6 * r).fma(a, c6);
      c7 = FloatVector.fromArray(S, x, o + 7 * r).fma(a, c7);
      c8 = FloatVector.fromArray(S, x, o + 8 * r).fma(a, c8);
      c9 = FloatVector.fromArray(S, x, o + 9 * r).fma(a, c9);
      c10 = FloatVector.fromArray(S, x, o + 10 * r).fma(a, c10);
      c11 = FloatVector.fromArray(S, x, o + 11 * r).fma(a, c11);
      c12 = FloatVector.fromArray(S, x, o + 12 * r).fma(a, c12);
      c13 = FloatVector.fromArray(S, x, o + 13 * r).fma(a, c13);
      c14 = FloatVector.fromArray(S, x, o + 14 * r).fma(a, c14);
      c15 = FloatVector.fromArray(S, x, o + 15 * r).fma(a, c15);
    }
    c0.intoArray(acc, 0);
    c1.intoArray(acc, L);
    c2.intoArray(acc, 2 * L);
    c3.intoArray(acc, 3 * L);
    c4.intoArray(acc, 4 * L);
    c5.intoArray(acc, 5 * L);
    c6.intoArray(acc, 6 * L);
    c7.intoArray(acc, 7 * L);
    c8.intoArray(acc, 8 * L);
    c9.intoArray(acc, 9 * L);
    c10.intoArray(acc, 10 * L);
    c11.intoArray(acc, 11 * L);
    c12.intoArray(acc, 12 * L);
    c13.intoArray(acc, 13 * L);
    c14.intoArray(acc, 14 * L);
    c15.intoArray(acc, 15 * L);
  }

  /**
   * Sum of the lanes of {@code c} in lane order, through {@code tmp}: the same bits compiled or
   * interpreted (reduceLanes(ADD) leaves the order open, and it differs while the JIT warms up).
   */
  private static float sum(FloatVector c, float[] tmp) {
    c.intoArray(tmp, 0);
    float s = 0.0f;
    for (int l = 0; l < L; l++) s += tmp[l];
    return s;
  }

  // Butterfly lane reduction for L = 16: a fold with bit h keeps, in the lanes whose bit h is
  // clear, a[l] + a[l^h], and in the others b[l] + b[l^h]. Folding vector q with q + h for
  // h = 8, 4, 2, 1 leaves in vector 0 lane m the total of vector m. Fixed order, exact lanewise
  // ops: the same bits compiled or interpreted.
  private static final VectorMask<Float> H8 = bit(8);
  private static final VectorMask<Float> H4 = bit(4);
  private static final VectorMask<Float> H2 = bit(2);
  private static final VectorMask<Float> H1 = bit(1);
  private static final VectorShuffle<Float> X8 = VectorShuffle.fromOp(S, l -> l ^ 8 % L);
  private static final VectorShuffle<Float> X4 = VectorShuffle.fromOp(S, l -> l ^ 4 % L);
  private static final VectorShuffle<Float> X2 = VectorShuffle.fromOp(S, l -> l ^ 2 % L);
  private static final VectorShuffle<Float> X1 = VectorShuffle.fromOp(S, l -> l ^ 1 % L);

  private static VectorMask<Float> bit(int h) {
    boolean[] m = new boolean[L];
    for (int l = 0; l < L; l++) m[l] = (l & h) != 0;
    return VectorMask.fromArray(S, m, 0);
  }

  /**
   * {@code dst[p + m] += Σ_lanes acc[m*L ..]} for m < 16 (L = 16), by the butterfly above, in place
   * in {@code acc}. The accumulators go through memory and each round is its own small loop:
   * folded inside the accumulating kernels, the vector ops exceed C2's inlining node budget and
   * the Vector API falls back to boxed objects.
   */
  private static void fold16(float[] acc, float[] dst, int p) {
    for (int q = 0; q < 8; q++) {
      fold(acc, q, q + 8, H8, X8);
    }
    for (int q = 0; q < 4; q++) {
      fold(acc, q, q + 4, H4, X4);
    }
    for (int q = 0; q < 2; q++) {
      fold(acc, q, q + 2, H2, X2);
    }
    for (int q = 0; q < 1; q++) {
      fold(acc, q, q + 1, H1, X1);
    }
    FloatVector.fromArray(S, dst, p).add(FloatVector.fromArray(S, acc, 0)).intoArray(dst, p);
  }

  /** {@code acc[q] = fold(acc[q], acc[b])} on vectors of L lanes. */
  private static void fold(float[] acc, int q, int b, VectorMask<Float> m, VectorShuffle<Float> x) {
    FloatVector u = FloatVector.fromArray(S, acc, q * L);
    FloatVector v = FloatVector.fromArray(S, acc, b * L);
    u.blend(v, m).add(v.blend(u, m).rearrange(x)).intoArray(acc, q * L);
  }
}

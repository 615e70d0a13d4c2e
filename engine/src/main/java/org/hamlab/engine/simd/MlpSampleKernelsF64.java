package org.hamlab.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Double Vector API kernels of {@link MlpSampleTileF64}, where a micro-tile array holds one row per
 * neuron and the samples of that neuron contiguous ({@code x[j*R + t]}, R = rows per micro-tile),
 * so every vector carries consecutive samples of one neuron. Narrow layers then cost no
 * broadcasts of activations: the GEMM register block is 4 outputs × 4 sample vectors, per input
 * 4 weight broadcasts and 4 vector loads feed 16 FMAs. Sums over samples (parameter gradients)
 * accumulate per lane and are reduced across lanes once per micro-tile in a fixed order.
 * A copy of {@link MlpSampleKernelsF32} in double, with butterflies of 8 lanes.
 */
final class MlpSampleKernelsF64 {
  private static final VectorSpecies<Double> S = MlpSpecies.DOUBLE_SPECIES;
  static final int L = S.length();

  private MlpSampleKernelsF64() {}

  /**
   * {@code dst[j*R + t] = bias[j] + Σ_{i<kc} m[j*ms + i]·src[i*R + t]} for j < outs and the first
   * {@code nv} vectors of samples (bias null: 0). Every element sums over i in the same order
   * whichever block computes it, so per-sample results do not depend on how the batch is cut.
   */
  static void gemm(double[] src, int kc, double[] m, int ms, int outs, double[] bias, double[] dst,
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

  private static DoubleVector start(double[] bias, int j) {
    return bias == null ? DoubleVector.zero(S) : DoubleVector.broadcast(S, bias[j]);
  }

  /** Four outputs × four sample vectors: 16 FMA chains per 4 broadcasts and 4 loads. */
  private static void gemm4x4(double[] src, int kc, double[] m, int ms, double[] bias, double[] dst,
      int r, int j, int t) {
    DoubleVector c00 = start(bias, j), c01 = c00, c02 = c00, c03 = c00;
    DoubleVector c10 = start(bias, j + 1), c11 = c10, c12 = c10, c13 = c10;
    DoubleVector c20 = start(bias, j + 2), c21 = c20, c22 = c20, c23 = c20;
    DoubleVector c30 = start(bias, j + 3), c31 = c30, c32 = c30, c33 = c30;
    int m0 = j * ms;
    for (int i = 0; i < kc; i++) {
      int o = i * r + t;
      DoubleVector x0 = DoubleVector.fromArray(S, src, o);
      DoubleVector x1 = DoubleVector.fromArray(S, src, o + L);
      DoubleVector x2 = DoubleVector.fromArray(S, src, o + 2 * L);
      DoubleVector x3 = DoubleVector.fromArray(S, src, o + 3 * L);
      DoubleVector w = DoubleVector.broadcast(S, m[m0 + i]);
      c00 = x0.fma(w, c00);
      c01 = x1.fma(w, c01);
      c02 = x2.fma(w, c02);
      c03 = x3.fma(w, c03);
      w = DoubleVector.broadcast(S, m[m0 + ms + i]);
      c10 = x0.fma(w, c10);
      c11 = x1.fma(w, c11);
      c12 = x2.fma(w, c12);
      c13 = x3.fma(w, c13);
      w = DoubleVector.broadcast(S, m[m0 + 2 * ms + i]);
      c20 = x0.fma(w, c20);
      c21 = x1.fma(w, c21);
      c22 = x2.fma(w, c22);
      c23 = x3.fma(w, c23);
      w = DoubleVector.broadcast(S, m[m0 + 3 * ms + i]);
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

  private static void gemm1x4(double[] src, int kc, double[] m, int ms, double[] bias, double[] dst,
      int r, int j, int t) {
    DoubleVector c0 = start(bias, j), c1 = c0, c2 = c0, c3 = c0;
    int m0 = j * ms;
    for (int i = 0; i < kc; i++) {
      int o = i * r + t;
      DoubleVector w = DoubleVector.broadcast(S, m[m0 + i]);
      c0 = DoubleVector.fromArray(S, src, o).fma(w, c0);
      c1 = DoubleVector.fromArray(S, src, o + L).fma(w, c1);
      c2 = DoubleVector.fromArray(S, src, o + 2 * L).fma(w, c2);
      c3 = DoubleVector.fromArray(S, src, o + 3 * L).fma(w, c3);
    }
    int d = j * r + t;
    c0.intoArray(dst, d);
    c1.intoArray(dst, d + L);
    c2.intoArray(dst, d + 2 * L);
    c3.intoArray(dst, d + 3 * L);
  }

  private static void gemm4x1(double[] src, int kc, double[] m, int ms, double[] bias, double[] dst,
      int r, int j, int t) {
    DoubleVector c0 = start(bias, j), c1 = start(bias, j + 1);
    DoubleVector c2 = start(bias, j + 2), c3 = start(bias, j + 3);
    int m0 = j * ms;
    for (int i = 0; i < kc; i++) {
      DoubleVector x = DoubleVector.fromArray(S, src, i * r + t);
      c0 = x.fma(DoubleVector.broadcast(S, m[m0 + i]), c0);
      c1 = x.fma(DoubleVector.broadcast(S, m[m0 + ms + i]), c1);
      c2 = x.fma(DoubleVector.broadcast(S, m[m0 + 2 * ms + i]), c2);
      c3 = x.fma(DoubleVector.broadcast(S, m[m0 + 3 * ms + i]), c3);
    }
    int d = j * r + t;
    c0.intoArray(dst, d);
    c1.intoArray(dst, d + r);
    c2.intoArray(dst, d + 2 * r);
    c3.intoArray(dst, d + 3 * r);
  }

  private static void gemm1x1(double[] src, int kc, double[] m, int ms, double[] bias, double[] dst,
      int r, int j, int t) {
    DoubleVector c = start(bias, j);
    for (int i = 0; i < kc; i++) {
      c = DoubleVector.fromArray(S, src, i * r + t).fma(DoubleVector.broadcast(S, m[j * ms + i]), c);
    }
    c.intoArray(dst, j * r + t);
  }

  /** {@code out[from+t] = c + Σ_{j<outs} w[j]·a[j*R + t]} for t < rows (the output layer). */
  static void value(double[] a, double[] w, int outs, double c, double[] out, int from, int rows,
      int r, double[] tmp) {
    for (int t = 0; t < rows; t += L) {
      DoubleVector acc = DoubleVector.zero(S);
      for (int j = 0; j < outs; j++) {
        acc = DoubleVector.fromArray(S, a, j * r + t).fma(DoubleVector.broadcast(S, w[j]), acc);
      }
      acc.intoArray(tmp, t);
    }
    for (int t = 0; t < rows; t++) out[from + t] = tmp[t] + c;
  }

  /** {@code g[j*R + t] = w[j]·scale[t]} for j < outs, t < nv·L (δ seed of the reverse pass). */
  static void seed(double[] g, double[] w, int outs, double[] scale, int r, int nv) {
    for (int v = 0; v < nv * L; v += L) {
      DoubleVector s = DoubleVector.fromArray(S, scale, v);
      for (int j = 0; j < outs; j++) s.mul(w[j]).intoArray(g, j * r + v);
    }
  }

  /**
   * {@code dw[off + i*w + j] += Σ_t x[i*R + t]·dl[j*R + t]} for i < ic, j < outs over the first nv
   * sample vectors (the rank-t update δ aᵀ of paper.md §7.4 item 5, stored transposed as in
   * {@link MlpShape}, so L consecutive outputs j are one vector of the partial).
   */
  static void outer(double[] dw, int off, int w, double[] x, int ic, double[] dl, int outs, int r,
      int nv, double[] tmp) {
    int j = 0;
    if (L == 8) {
      for (; j + 8 <= outs; j += 8) {
        for (int i = 0; i < ic; i++) {
          outer8(tmp, x, i * r, dl, j * r, r, nv);
          fold8(tmp, dw, off + i * w + j);
        }
      }
    }
    for (; j < outs; j++) {
      for (int i = 0; i < ic; i++) {
        DoubleVector c = DoubleVector.zero(S);
        for (int t = 0; t < nv * L; t += L) {
          c = DoubleVector.fromArray(S, x, i * r + t)
              .fma(DoubleVector.fromArray(S, dl, j * r + t), c);
        }
        dw[off + i * w + j] += sum(c, tmp);
      }
    }
  }

  /**
   * One input × 8 outputs (L = 8): 8 per-lane sums over the samples, then one butterfly
   * ({@link #fold}) turns them into the vector of their 8 totals, added to {@code dw[p..p+8)}.
   */
  private static void outer8(double[] acc, double[] x, int xo, double[] dl, int d, int r,
      int nv) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    DoubleVector c7 = c0;
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector a = DoubleVector.fromArray(S, x, xo + t);
      int o = d + t;
      c0 = DoubleVector.fromArray(S, dl, o).fma(a, c0);
      c1 = DoubleVector.fromArray(S, dl, o + r).fma(a, c1);
      c2 = DoubleVector.fromArray(S, dl, o + 2 * r).fma(a, c2);
      c3 = DoubleVector.fromArray(S, dl, o + 3 * r).fma(a, c3);
      c4 = DoubleVector.fromArray(S, dl, o + 4 * r).fma(a, c4);
      c5 = DoubleVector.fromArray(S, dl, o + 5 * r).fma(a, c5);
      c6 = DoubleVector.fromArray(S, dl, o + 6 * r).fma(a, c6);
      c7 = DoubleVector.fromArray(S, dl, o + 7 * r).fma(a, c7);
    }
    c0.intoArray(acc, 0);
    c1.intoArray(acc, L);
    c2.intoArray(acc, 2 * L);
    c3.intoArray(acc, 3 * L);
    c4.intoArray(acc, 4 * L);
    c5.intoArray(acc, 5 * L);
    c6.intoArray(acc, 6 * L);
    c7.intoArray(acc, 7 * L);
  }

  /**
   * As {@link #outer} with two rank-t terms, {@code x1 dl1ᵀ + x2 dl2ᵀ} (paper.md §7.4 item 4:
   * δ̇ aᵀ + δ ȧᵀ), both summed into the same per-lane accumulators.
   */
  static void outer2(double[] dw, int off, int w, double[] x1, double[] dl1, double[] x2,
      double[] dl2, int ic, int outs, int r, int nv, double[] tmp) {
    int j = 0;
    if (L == 8) {
      for (; j + 8 <= outs; j += 8) {
        for (int i = 0; i < ic; i++) {
          outer2x8(tmp, x1, dl1, x2, dl2, i * r, j * r, r, nv);
          fold8(tmp, dw, off + i * w + j);
        }
      }
    }
    for (; j < outs; j++) {
      for (int i = 0; i < ic; i++) {
        DoubleVector c = DoubleVector.zero(S);
        for (int t = 0; t < nv * L; t += L) {
          c = DoubleVector.fromArray(S, x1, i * r + t)
              .fma(DoubleVector.fromArray(S, dl1, j * r + t), c);
          c = DoubleVector.fromArray(S, x2, i * r + t)
              .fma(DoubleVector.fromArray(S, dl2, j * r + t), c);
        }
        dw[off + i * w + j] += sum(c, tmp);
      }
    }
  }

  private static void outer2x8(double[] acc, double[] x1, double[] dl1, double[] x2,
      double[] dl2, int xo, int d, int r, int nv) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    DoubleVector c7 = c0;
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector a = DoubleVector.fromArray(S, x1, xo + t);
      DoubleVector b = DoubleVector.fromArray(S, x2, xo + t);
      int o = d + t;
      c0 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c0));
      o += r;
      c1 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c1));
      o += r;
      c2 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c2));
      o += r;
      c3 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c3));
      o += r;
      c4 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c4));
      o += r;
      c5 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c5));
      o += r;
      c6 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c6));
      o += r;
      c7 = DoubleVector.fromArray(S, dl2, o).fma(b, DoubleVector.fromArray(S, dl1, o).fma(a, c7));
    }
    c0.intoArray(acc, 0);
    c1.intoArray(acc, L);
    c2.intoArray(acc, 2 * L);
    c3.intoArray(acc, 3 * L);
    c4.intoArray(acc, 4 * L);
    c5.intoArray(acc, 5 * L);
    c6.intoArray(acc, 6 * L);
    c7.intoArray(acc, 7 * L);
  }

  /**
   * {@code db[off + j] += Σ_t scale[t]·x[j*R + t]} for j < outs over the first nv sample vectors
   * (scale null: 1).
   */
  static void rowSums(double[] db, int off, double[] x, int outs, double[] scale, int r, int nv,
      double[] tmp) {
    int j = 0;
    if (L == 8) {
      for (; j + 8 <= outs; j += 8) {
        rowSums8(tmp, x, j * r, scale, r, nv);
        fold8(tmp, db, off + j);
      }
    }
    for (; j < outs; j++) {
      DoubleVector c = DoubleVector.zero(S);
      for (int t = 0; t < nv * L; t += L) {
        DoubleVector v = DoubleVector.fromArray(S, x, j * r + t);
        c = scale == null ? c.add(v) : v.fma(DoubleVector.fromArray(S, scale, t), c);
      }
      db[off + j] += sum(c, tmp);
    }
  }

  private static void rowSums8(double[] acc, double[] x, int d, double[] scale, int r,
      int nv) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    DoubleVector c7 = c0;
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector a = scale == null
          ? DoubleVector.broadcast(S, 1.0) : DoubleVector.fromArray(S, scale, t);
      int o = d + t;
      c0 = DoubleVector.fromArray(S, x, o).fma(a, c0);
      c1 = DoubleVector.fromArray(S, x, o + r).fma(a, c1);
      c2 = DoubleVector.fromArray(S, x, o + 2 * r).fma(a, c2);
      c3 = DoubleVector.fromArray(S, x, o + 3 * r).fma(a, c3);
      c4 = DoubleVector.fromArray(S, x, o + 4 * r).fma(a, c4);
      c5 = DoubleVector.fromArray(S, x, o + 5 * r).fma(a, c5);
      c6 = DoubleVector.fromArray(S, x, o + 6 * r).fma(a, c6);
      c7 = DoubleVector.fromArray(S, x, o + 7 * r).fma(a, c7);
    }
    c0.intoArray(acc, 0);
    c1.intoArray(acc, L);
    c2.intoArray(acc, 2 * L);
    c3.intoArray(acc, 3 * L);
    c4.intoArray(acc, 4 * L);
    c5.intoArray(acc, 5 * L);
    c6.intoArray(acc, 6 * L);
    c7.intoArray(acc, 7 * L);
  }

  /**
   * Sum of the lanes of {@code c} in lane order, through {@code tmp}: the same bits compiled or
   * interpreted (reduceLanes(ADD) leaves the order open, and it differs while the JIT warms up).
   */
  private static double sum(DoubleVector c, double[] tmp) {
    c.intoArray(tmp, 0);
    double s = 0.0;
    for (int l = 0; l < L; l++) s += tmp[l];
    return s;
  }

  // Butterfly lane reduction for L = 8: a fold with bit h keeps, in the lanes whose bit h is
  // clear, a[l] + a[l^h], and in the others b[l] + b[l^h]. Folding vector q with q + h for
  // h = 4, 2, 1 leaves in vector 0 lane m the total of vector m. Fixed order, exact lanewise
  // ops: the same bits compiled or interpreted.
  private static final VectorMask<Double> H4 = bit(4);
  private static final VectorMask<Double> H2 = bit(2);
  private static final VectorMask<Double> H1 = bit(1);
  private static final VectorShuffle<Double> X4 = VectorShuffle.fromOp(S, l -> l ^ 4 % L);
  private static final VectorShuffle<Double> X2 = VectorShuffle.fromOp(S, l -> l ^ 2 % L);
  private static final VectorShuffle<Double> X1 = VectorShuffle.fromOp(S, l -> l ^ 1 % L);

  private static VectorMask<Double> bit(int h) {
    boolean[] m = new boolean[L];
    for (int l = 0; l < L; l++) m[l] = (l & h) != 0;
    return VectorMask.fromArray(S, m, 0);
  }

  /**
   * {@code dst[p + m] += Σ_lanes acc[m*L ..]} for m < 8 (L = 8), by the butterfly above, in place
   * in {@code acc}. The accumulators go through memory and each round is its own small loop:
   * folded inside the accumulating kernels, the vector ops exceed C2's inlining node budget and
   * the Vector API falls back to boxed objects.
   */
  private static void fold8(double[] acc, double[] dst, int p) {
    for (int q = 0; q < 4; q++) {
      fold(acc, q, q + 4, H4, X4);
    }
    for (int q = 0; q < 2; q++) {
      fold(acc, q, q + 2, H2, X2);
    }
    for (int q = 0; q < 1; q++) {
      fold(acc, q, q + 1, H1, X1);
    }
    DoubleVector.fromArray(S, dst, p).add(DoubleVector.fromArray(S, acc, 0)).intoArray(dst, p);
  }

  /** {@code acc[q] = fold(acc[q], acc[b])} on vectors of L lanes. */
  private static void fold(double[] acc, int q, int b, VectorMask<Double> m, VectorShuffle<Double> x) {
    DoubleVector u = DoubleVector.fromArray(S, acc, q * L);
    DoubleVector v = DoubleVector.fromArray(S, acc, b * L);
    u.blend(v, m).add(v.blend(u, m).rearrange(x)).intoArray(acc, q * L);
  }
}

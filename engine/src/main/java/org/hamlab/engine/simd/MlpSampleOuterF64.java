package org.hamlab.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums over the samples of a sample-lane micro-tile ({@link MlpSampleTileF64}, arrays
 * {@code x[j*R + t]}): the rank-t parameter updates of paper.md §7.4 items 4 and 5 and the bias
 * sums. Products accumulate per lane in registers, 4 inputs × 4 outputs at a time (8 loads feed 16
 * FMAs, 32 with both terms of the mixed derivative), then a butterfly of blends and one permute
 * per round sums the lanes of 16 accumulators at once, in a fixed order: the bits do not depend
 * on the JIT state or the thread count. Written for 8 lanes (AVX-512); other widths take the
 * plain per-parameter path. A copy of {@link MlpSampleOuterF32} in double.
 */
final class MlpSampleOuterF64 {
  private static final VectorSpecies<Double> S = MlpSpecies.DOUBLE_SPECIES;
  private static final int L = S.length();
  /** Whether the register-blocked kernels apply (they assume 8 lanes). */
  static final boolean BLOCKED = L == 8;

  private MlpSampleOuterF64() {}

  /**
   * {@code dw[off + i*w + j] += Σ_t x1[i*R + t]·dl1[j*R + t] (+ x2[i*R + t]·dl2[j*R + t])} for
   * i < ic, j < outs (multiples of 4) over the first nv sample vectors: δ aᵀ (item 5) or, with
   * the second term, δ̇ aᵀ + δ ȧᵀ (item 4), stored transposed as in {@link MlpShape}. {@code x2}
   * null: one term. {@code tmp} is scratch of at least 16·L.
   */
  static void outer(double[] dw, int off, int w, double[] x1, double[] dl1, double[] x2,
      double[] dl2, int ic, int outs, int r, int nv, double[] tmp) {
    if (BLOCKED) {
      // ic and outs are multiples of 4: the tile pads neurons (see MlpSampleTileF64).
      for (int i = 0; i < ic; i += 4) {
        for (int j = 0; j < outs; j += 4) {
          if (x2 == null) outer4x4(tmp, x1, dl1, i * r, j * r, r, nv);
          else outer4x4(tmp, x1, dl1, x2, dl2, i * r, j * r, r, nv);
          reduce(tmp);
          scatter4x4(tmp, dw, off + i * w + j, w);
        }
      }
      return;
    }
    for (int i = 0; i < ic; i++) {
      for (int j = 0; j < outs; j++) one(dw, off + i * w + j, x1, dl1, x2, dl2, i, j, r, nv, tmp);
    }
  }

  /** One parameter: per-lane products, lanes summed in lane order through {@code tmp}. */
  private static void one(double[] dw, int p, double[] x1, double[] dl1, double[] x2, double[] dl2,
      int i, int j, int r, int nv, double[] tmp) {
    DoubleVector c = DoubleVector.zero(S);
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector d = DoubleVector.fromArray(S, dl1, j * r + t);
      c = DoubleVector.fromArray(S, x1, i * r + t).fma(d, c);
      if (x2 != null) {
        d = DoubleVector.fromArray(S, dl2, j * r + t);
        c = DoubleVector.fromArray(S, x2, i * r + t).fma(d, c);
      }
    }
    c.intoArray(tmp, 0);
    double s = 0.0;
    for (int l = 0; l < L; l++) s += tmp[l];
    dw[p] += s;
  }

  /**
   * {@code db[off + j] += Σ_t scale[t]·x[j*R + t]} for j < outs over the first nv sample vectors
   * (scale null: 1).
   */
  static void rowSums(double[] db, int off, double[] x, int outs, double[] scale, int r, int nv,
      double[] tmp) {
    int j = 0;
    if (BLOCKED) {
      for (; j + 8 <= outs; j += 8) {
        rowSums8(tmp, x, j * r, scale, r, nv);
        reduce(tmp);
        add(tmp, db, off + j);
      }
    }
    for (; j < outs; j++) rowSum(db, off + j, x, j * r, scale, r, nv, tmp);
  }

  /** One row sum, lanes summed in lane order through {@code tmp} (out of the caller's loop). */
  private static void rowSum(double[] db, int p, double[] x, int d, double[] scale, int r, int nv,
      double[] tmp) {
    DoubleVector c = DoubleVector.zero(S);
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector v = DoubleVector.fromArray(S, x, d + t);
      c = scale == null ? c.add(v) : v.fma(DoubleVector.fromArray(S, scale, t), c);
    }
    c.intoArray(tmp, 0);
    double s = 0.0;
    for (int l = 0; l < L; l++) s += tmp[l];
    db[p] += s;
  }

  /**
   * Inputs i..i+3 × outputs j..j+3 ({@code xo = i·R}, {@code d = j·R}): 16 per-lane sums,
   * stored to {@code acc[m·L ..]} with m = 4·(input offset) + output offset.
   */
  private static void outer4x4(double[] acc, double[] x1, double[] dl1, int xo, int d, int r,
      int nv) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00;
    DoubleVector c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector a0 = DoubleVector.fromArray(S, x1, xo + t);
      DoubleVector a1 = DoubleVector.fromArray(S, x1, xo + 1 * r + t);
      DoubleVector a2 = DoubleVector.fromArray(S, x1, xo + 2 * r + t);
      DoubleVector a3 = DoubleVector.fromArray(S, x1, xo + 3 * r + t);
      DoubleVector e0 = DoubleVector.fromArray(S, dl1, d + t);
      c00 = e0.fma(a0, c00);
      c10 = e0.fma(a1, c10);
      c20 = e0.fma(a2, c20);
      c30 = e0.fma(a3, c30);
      DoubleVector e1 = DoubleVector.fromArray(S, dl1, d + 1 * r + t);
      c01 = e1.fma(a0, c01);
      c11 = e1.fma(a1, c11);
      c21 = e1.fma(a2, c21);
      c31 = e1.fma(a3, c31);
      DoubleVector e2 = DoubleVector.fromArray(S, dl1, d + 2 * r + t);
      c02 = e2.fma(a0, c02);
      c12 = e2.fma(a1, c12);
      c22 = e2.fma(a2, c22);
      c32 = e2.fma(a3, c32);
      DoubleVector e3 = DoubleVector.fromArray(S, dl1, d + 3 * r + t);
      c03 = e3.fma(a0, c03);
      c13 = e3.fma(a1, c13);
      c23 = e3.fma(a2, c23);
      c33 = e3.fma(a3, c33);
    }
    c00.intoArray(acc, 0);
    c01.intoArray(acc, L);
    c02.intoArray(acc, 2 * L);
    c03.intoArray(acc, 3 * L);
    c10.intoArray(acc, 4 * L);
    c11.intoArray(acc, 5 * L);
    c12.intoArray(acc, 6 * L);
    c13.intoArray(acc, 7 * L);
    c20.intoArray(acc, 8 * L);
    c21.intoArray(acc, 9 * L);
    c22.intoArray(acc, 10 * L);
    c23.intoArray(acc, 11 * L);
    c30.intoArray(acc, 12 * L);
    c31.intoArray(acc, 13 * L);
    c32.intoArray(acc, 14 * L);
    c33.intoArray(acc, 15 * L);
  }

  /** As the one-term block, with both rank-t terms in the same accumulators (32 FMAs a step). */
  private static void outer4x4(double[] acc, double[] x1, double[] dl1, double[] x2, double[] dl2,
      int xo, int d, int r, int nv) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00;
    DoubleVector c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector a0 = DoubleVector.fromArray(S, x1, xo + t);
      DoubleVector b0 = DoubleVector.fromArray(S, x2, xo + t);
      DoubleVector a1 = DoubleVector.fromArray(S, x1, xo + 1 * r + t);
      DoubleVector b1 = DoubleVector.fromArray(S, x2, xo + 1 * r + t);
      DoubleVector a2 = DoubleVector.fromArray(S, x1, xo + 2 * r + t);
      DoubleVector b2 = DoubleVector.fromArray(S, x2, xo + 2 * r + t);
      DoubleVector a3 = DoubleVector.fromArray(S, x1, xo + 3 * r + t);
      DoubleVector b3 = DoubleVector.fromArray(S, x2, xo + 3 * r + t);
      DoubleVector e0 = DoubleVector.fromArray(S, dl1, d + t);
      DoubleVector f0 = DoubleVector.fromArray(S, dl2, d + t);
      c00 = f0.fma(b0, e0.fma(a0, c00));
      c10 = f0.fma(b1, e0.fma(a1, c10));
      c20 = f0.fma(b2, e0.fma(a2, c20));
      c30 = f0.fma(b3, e0.fma(a3, c30));
      DoubleVector e1 = DoubleVector.fromArray(S, dl1, d + 1 * r + t);
      DoubleVector f1 = DoubleVector.fromArray(S, dl2, d + 1 * r + t);
      c01 = f1.fma(b0, e1.fma(a0, c01));
      c11 = f1.fma(b1, e1.fma(a1, c11));
      c21 = f1.fma(b2, e1.fma(a2, c21));
      c31 = f1.fma(b3, e1.fma(a3, c31));
      DoubleVector e2 = DoubleVector.fromArray(S, dl1, d + 2 * r + t);
      DoubleVector f2 = DoubleVector.fromArray(S, dl2, d + 2 * r + t);
      c02 = f2.fma(b0, e2.fma(a0, c02));
      c12 = f2.fma(b1, e2.fma(a1, c12));
      c22 = f2.fma(b2, e2.fma(a2, c22));
      c32 = f2.fma(b3, e2.fma(a3, c32));
      DoubleVector e3 = DoubleVector.fromArray(S, dl1, d + 3 * r + t);
      DoubleVector f3 = DoubleVector.fromArray(S, dl2, d + 3 * r + t);
      c03 = f3.fma(b0, e3.fma(a0, c03));
      c13 = f3.fma(b1, e3.fma(a1, c13));
      c23 = f3.fma(b2, e3.fma(a2, c23));
      c33 = f3.fma(b3, e3.fma(a3, c33));
    }
    c00.intoArray(acc, 0);
    c01.intoArray(acc, L);
    c02.intoArray(acc, 2 * L);
    c03.intoArray(acc, 3 * L);
    c10.intoArray(acc, 4 * L);
    c11.intoArray(acc, 5 * L);
    c12.intoArray(acc, 6 * L);
    c13.intoArray(acc, 7 * L);
    c20.intoArray(acc, 8 * L);
    c21.intoArray(acc, 9 * L);
    c22.intoArray(acc, 10 * L);
    c23.intoArray(acc, 11 * L);
    c30.intoArray(acc, 12 * L);
    c31.intoArray(acc, 13 * L);
    c32.intoArray(acc, 14 * L);
    c33.intoArray(acc, 15 * L);
  }

  /** Sums of 8 rows j..j+7 ({@code d = j·R}), scaled per sample: to {@code acc[m·L ..]}. */
  private static void rowSums8(double[] acc, double[] x, int d, double[] scale, int r, int nv) {
    DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0;
    DoubleVector c5 = c0, c6 = c0, c7 = c0;
    for (int t = 0; t < nv * L; t += L) {
      DoubleVector a = scale == null
          ? DoubleVector.broadcast(S, 1.0) : DoubleVector.fromArray(S, scale, t);
      c0 = DoubleVector.fromArray(S, x, d + t).fma(a, c0);
      c1 = DoubleVector.fromArray(S, x, d + 1 * r + t).fma(a, c1);
      c2 = DoubleVector.fromArray(S, x, d + 2 * r + t).fma(a, c2);
      c3 = DoubleVector.fromArray(S, x, d + 3 * r + t).fma(a, c3);
      c4 = DoubleVector.fromArray(S, x, d + 4 * r + t).fma(a, c4);
      c5 = DoubleVector.fromArray(S, x, d + 5 * r + t).fma(a, c5);
      c6 = DoubleVector.fromArray(S, x, d + 6 * r + t).fma(a, c6);
      c7 = DoubleVector.fromArray(S, x, d + 7 * r + t).fma(a, c7);
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

  // Butterfly lane sums for L = 8: a fold with bit h keeps, in the lanes whose bit h is clear,
  // a[l] + a[l^h], and in the others b[l] + b[l^h]. Folding vector q with q + h for
  // h = 4, 2, 1 leaves in vector 0 lane m the total of vector m. Fixed order, exact lanewise
  // ops: the same bits compiled or interpreted (reduceLanes(ADD) leaves its order open).
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
   * In place: the 16 vectors {@code acc[m·L ..]} become their 16 lane totals in {@code acc[0..16)}
   * (two butterflies of 8). The accumulators go through memory and each round is its own small
   * loop: inside the accumulating kernels the vector ops would exceed C2's inlining node budget
   * and the Vector API would fall back to boxed objects.
   */
  private static void reduce(double[] acc) {
    if (!BLOCKED) throw new IllegalStateException("butterfly for " + L + " lanes");
    for (int base = 0; base < 16; base += 8) {
      for (int q = base; q < base + 4; q++) fold(acc, q, q + 4, H4, X4);
      for (int q = base; q < base + 2; q++) fold(acc, q, q + 2, H2, X2);
      for (int q = base; q < base + 1; q++) fold(acc, q, q + 1, H1, X1);
    }
    DoubleVector.fromArray(S, acc, 8 * L).intoArray(acc, 8);
  }

  /** {@code dst[p + m] += acc[m]}, m < 8 (the first 8 totals). */
  private static void add(double[] acc, double[] dst, int p) {
    DoubleVector.fromArray(S, dst, p).add(DoubleVector.fromArray(S, acc, 0)).intoArray(dst, p);
  }

  /**
   * {@code dst[p + a·w + b] += acc[4a + b]}, a, b < 4: a reduced 4 × 4 block into dWᵀ rows.
   * Scalar: with 4-lane vectors C2 boxed them when it compiled the caller's long block loop
   * on-stack (MlpKernelMain, 2-64-64-1 float mixed: 150 kB per call).
   */
  private static void scatter4x4(double[] acc, double[] dst, int p, int w) {
    for (int a = 0; a < 4; a++) {
      int o = p + a * w;
      dst[o] += acc[4 * a];
      dst[o + 1] += acc[4 * a + 1];
      dst[o + 2] += acc[4 * a + 2];
      dst[o + 3] += acc[4 * a + 3];
    }
  }

  /** {@code acc[q] = fold(acc[q], acc[b])} on vectors of L lanes. */
  private static void fold(double[] acc, int q, int b, VectorMask<Double> m,
      VectorShuffle<Double> x) {
    DoubleVector u = DoubleVector.fromArray(S, acc, q * L);
    DoubleVector v = DoubleVector.fromArray(S, acc, b * L);
    u.blend(v, m).add(v.blend(u, m).rearrange(x)).intoArray(acc, q * L);
  }
}

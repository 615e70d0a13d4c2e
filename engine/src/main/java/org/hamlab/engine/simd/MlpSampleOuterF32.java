package org.hamlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums over the samples of a sample-lane micro-tile ({@link MlpSampleTileF32}, arrays
 * {@code x[j*R + t]}): the rank-t parameter updates of paper.md §7.4 items 4 and 5 and the bias
 * sums. Products accumulate per lane in registers, 4 inputs × 4 outputs at a time (8 loads feed 16
 * FMAs, 32 with both terms of the mixed derivative), then a butterfly of blends and one permute
 * per round sums the lanes of 16 accumulators at once, in a fixed order: the bits do not depend
 * on the JIT state or the thread count. Written for 16 lanes (AVX-512); other widths take the
 * plain per-parameter path.
 */
final class MlpSampleOuterF32 {
  private static final VectorSpecies<Float> S = MlpSpecies.FLOAT_SPECIES;
  private static final int L = S.length();
  /** Whether the register-blocked kernels apply (they assume 16 lanes). */
  static final boolean BLOCKED = L == 16;

  private MlpSampleOuterF32() {}

  /**
   * {@code dw[off + i*w + j] += Σ_t x1[i*R + t]·dl1[j*R + t] (+ x2[i*R + t]·dl2[j*R + t])} for
   * i < ic, j < outs (multiples of 4) over the first nv sample vectors: δ aᵀ (item 5) or, with
   * the second term, δ̇ aᵀ + δ ȧᵀ (item 4), stored transposed as in {@link MlpShape}. {@code x2}
   * null: one term. {@code tmp} is scratch of at least 16·L.
   */
  static void outer(float[] dw, int off, int w, float[] x1, float[] dl1, float[] x2,
      float[] dl2, int ic, int outs, int r, int nv, float[] tmp) {
    if (BLOCKED) {
      // ic and outs are multiples of 4: the tile pads neurons (see MlpSampleTileF32).
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
  private static void one(float[] dw, int p, float[] x1, float[] dl1, float[] x2, float[] dl2,
      int i, int j, int r, int nv, float[] tmp) {
    FloatVector c = FloatVector.zero(S);
    for (int t = 0; t < nv * L; t += L) {
      FloatVector d = FloatVector.fromArray(S, dl1, j * r + t);
      c = FloatVector.fromArray(S, x1, i * r + t).fma(d, c);
      if (x2 != null) {
        d = FloatVector.fromArray(S, dl2, j * r + t);
        c = FloatVector.fromArray(S, x2, i * r + t).fma(d, c);
      }
    }
    c.intoArray(tmp, 0);
    float s = 0.0f;
    for (int l = 0; l < L; l++) s += tmp[l];
    dw[p] += s;
  }

  /**
   * {@code db[off + j] += Σ_t scale[t]·x[j*R + t]} for j < outs over the first nv sample vectors
   * (scale null: 1).
   */
  static void rowSums(float[] db, int off, float[] x, int outs, float[] scale, int r, int nv,
      float[] tmp) {
    int j = 0;
    if (BLOCKED) {
      for (; j + 16 <= outs; j += 16) {
        rowSums16(tmp, x, j * r, scale, r, nv);
        reduce(tmp);
        add(tmp, db, off + j);
      }
    }
    for (; j < outs; j++) rowSum(db, off + j, x, j * r, scale, r, nv, tmp);
  }

  /** One row sum, lanes summed in lane order through {@code tmp} (out of the caller's loop). */
  private static void rowSum(float[] db, int p, float[] x, int d, float[] scale, int r, int nv,
      float[] tmp) {
    FloatVector c = FloatVector.zero(S);
    for (int t = 0; t < nv * L; t += L) {
      FloatVector v = FloatVector.fromArray(S, x, d + t);
      c = scale == null ? c.add(v) : v.fma(FloatVector.fromArray(S, scale, t), c);
    }
    c.intoArray(tmp, 0);
    float s = 0.0f;
    for (int l = 0; l < L; l++) s += tmp[l];
    db[p] += s;
  }

  /**
   * Inputs i..i+3 × outputs j..j+3 ({@code xo = i·R}, {@code d = j·R}): 16 per-lane sums,
   * stored to {@code acc[m·L ..]} with m = 4·(input offset) + output offset.
   */
  private static void outer4x4(float[] acc, float[] x1, float[] dl1, int xo, int d, int r,
      int nv) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00;
    FloatVector c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    for (int t = 0; t < nv * L; t += L) {
      FloatVector a0 = FloatVector.fromArray(S, x1, xo + t);
      FloatVector a1 = FloatVector.fromArray(S, x1, xo + 1 * r + t);
      FloatVector a2 = FloatVector.fromArray(S, x1, xo + 2 * r + t);
      FloatVector a3 = FloatVector.fromArray(S, x1, xo + 3 * r + t);
      FloatVector e0 = FloatVector.fromArray(S, dl1, d + t);
      c00 = e0.fma(a0, c00);
      c10 = e0.fma(a1, c10);
      c20 = e0.fma(a2, c20);
      c30 = e0.fma(a3, c30);
      FloatVector e1 = FloatVector.fromArray(S, dl1, d + 1 * r + t);
      c01 = e1.fma(a0, c01);
      c11 = e1.fma(a1, c11);
      c21 = e1.fma(a2, c21);
      c31 = e1.fma(a3, c31);
      FloatVector e2 = FloatVector.fromArray(S, dl1, d + 2 * r + t);
      c02 = e2.fma(a0, c02);
      c12 = e2.fma(a1, c12);
      c22 = e2.fma(a2, c22);
      c32 = e2.fma(a3, c32);
      FloatVector e3 = FloatVector.fromArray(S, dl1, d + 3 * r + t);
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
  private static void outer4x4(float[] acc, float[] x1, float[] dl1, float[] x2, float[] dl2,
      int xo, int d, int r, int nv) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00;
    FloatVector c11 = c00, c12 = c00, c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    for (int t = 0; t < nv * L; t += L) {
      FloatVector a0 = FloatVector.fromArray(S, x1, xo + t);
      FloatVector b0 = FloatVector.fromArray(S, x2, xo + t);
      FloatVector a1 = FloatVector.fromArray(S, x1, xo + 1 * r + t);
      FloatVector b1 = FloatVector.fromArray(S, x2, xo + 1 * r + t);
      FloatVector a2 = FloatVector.fromArray(S, x1, xo + 2 * r + t);
      FloatVector b2 = FloatVector.fromArray(S, x2, xo + 2 * r + t);
      FloatVector a3 = FloatVector.fromArray(S, x1, xo + 3 * r + t);
      FloatVector b3 = FloatVector.fromArray(S, x2, xo + 3 * r + t);
      FloatVector e0 = FloatVector.fromArray(S, dl1, d + t);
      FloatVector f0 = FloatVector.fromArray(S, dl2, d + t);
      c00 = f0.fma(b0, e0.fma(a0, c00));
      c10 = f0.fma(b1, e0.fma(a1, c10));
      c20 = f0.fma(b2, e0.fma(a2, c20));
      c30 = f0.fma(b3, e0.fma(a3, c30));
      FloatVector e1 = FloatVector.fromArray(S, dl1, d + 1 * r + t);
      FloatVector f1 = FloatVector.fromArray(S, dl2, d + 1 * r + t);
      c01 = f1.fma(b0, e1.fma(a0, c01));
      c11 = f1.fma(b1, e1.fma(a1, c11));
      c21 = f1.fma(b2, e1.fma(a2, c21));
      c31 = f1.fma(b3, e1.fma(a3, c31));
      FloatVector e2 = FloatVector.fromArray(S, dl1, d + 2 * r + t);
      FloatVector f2 = FloatVector.fromArray(S, dl2, d + 2 * r + t);
      c02 = f2.fma(b0, e2.fma(a0, c02));
      c12 = f2.fma(b1, e2.fma(a1, c12));
      c22 = f2.fma(b2, e2.fma(a2, c22));
      c32 = f2.fma(b3, e2.fma(a3, c32));
      FloatVector e3 = FloatVector.fromArray(S, dl1, d + 3 * r + t);
      FloatVector f3 = FloatVector.fromArray(S, dl2, d + 3 * r + t);
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

  /** Sums of 16 rows j..j+15 ({@code d = j·R}), scaled per sample: to {@code acc[m·L ..]}. */
  private static void rowSums16(float[] acc, float[] x, int d, float[] scale, int r, int nv) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0;
    FloatVector c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
    FloatVector c12 = c0, c13 = c0, c14 = c0, c15 = c0;
    for (int t = 0; t < nv * L; t += L) {
      FloatVector a = scale == null
          ? FloatVector.broadcast(S, 1.0f) : FloatVector.fromArray(S, scale, t);
      c0 = FloatVector.fromArray(S, x, d + t).fma(a, c0);
      c1 = FloatVector.fromArray(S, x, d + 1 * r + t).fma(a, c1);
      c2 = FloatVector.fromArray(S, x, d + 2 * r + t).fma(a, c2);
      c3 = FloatVector.fromArray(S, x, d + 3 * r + t).fma(a, c3);
      c4 = FloatVector.fromArray(S, x, d + 4 * r + t).fma(a, c4);
      c5 = FloatVector.fromArray(S, x, d + 5 * r + t).fma(a, c5);
      c6 = FloatVector.fromArray(S, x, d + 6 * r + t).fma(a, c6);
      c7 = FloatVector.fromArray(S, x, d + 7 * r + t).fma(a, c7);
      c8 = FloatVector.fromArray(S, x, d + 8 * r + t).fma(a, c8);
      c9 = FloatVector.fromArray(S, x, d + 9 * r + t).fma(a, c9);
      c10 = FloatVector.fromArray(S, x, d + 10 * r + t).fma(a, c10);
      c11 = FloatVector.fromArray(S, x, d + 11 * r + t).fma(a, c11);
      c12 = FloatVector.fromArray(S, x, d + 12 * r + t).fma(a, c12);
      c13 = FloatVector.fromArray(S, x, d + 13 * r + t).fma(a, c13);
      c14 = FloatVector.fromArray(S, x, d + 14 * r + t).fma(a, c14);
      c15 = FloatVector.fromArray(S, x, d + 15 * r + t).fma(a, c15);
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

  // Butterfly lane sums for L = 16: a fold with bit h keeps, in the lanes whose bit h is clear,
  // a[l] + a[l^h], and in the others b[l] + b[l^h]. Folding vector q with q + h for
  // h = 8, 4, 2, 1 leaves in vector 0 lane m the total of vector m. Fixed order, exact lanewise
  // ops: the same bits compiled or interpreted (reduceLanes(ADD) leaves its order open).
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
   * In place: the 16 vectors {@code acc[m·L ..]} become their 16 lane totals in {@code acc[0..16)}.
   * The accumulators go through memory and each round is its own small loop: inside the
   * accumulating kernels the vector ops would exceed C2's inlining node budget and the Vector
   * API would fall back to boxed objects.
   */
  private static void reduce(float[] acc) {
    if (!BLOCKED) throw new IllegalStateException("butterfly for " + L + " lanes");
    for (int q = 0; q < 8; q++) fold(acc, q, q + 8, H8, X8);
    for (int q = 0; q < 4; q++) fold(acc, q, q + 4, H4, X4);
    for (int q = 0; q < 2; q++) fold(acc, q, q + 2, H2, X2);
    for (int q = 0; q < 1; q++) fold(acc, q, q + 1, H1, X1);
  }

  /** {@code dst[p + m] += acc[m]}, m < 16. */
  private static void add(float[] acc, float[] dst, int p) {
    FloatVector.fromArray(S, dst, p).add(FloatVector.fromArray(S, acc, 0)).intoArray(dst, p);
  }

  /**
   * {@code dst[p + a·w + b] += acc[4a + b]}, a, b < 4: a reduced 4 × 4 block into dWᵀ rows.
   * Scalar: with 4-lane vectors C2 boxed them when it compiled the caller's long block loop
   * on-stack (MlpKernelMain, 2-64-64-1 float mixed: 150 kB per call).
   */
  private static void scatter4x4(float[] acc, float[] dst, int p, int w) {
    for (int a = 0; a < 4; a++) {
      int o = p + a * w;
      dst[o] += acc[4 * a];
      dst[o + 1] += acc[4 * a + 1];
      dst[o + 2] += acc[4 * a + 2];
      dst[o + 3] += acc[4 * a + 3];
    }
  }

  /** {@code acc[q] = fold(acc[q], acc[b])} on vectors of L lanes. */
  private static void fold(float[] acc, int q, int b, VectorMask<Float> m,
      VectorShuffle<Float> x) {
    FloatVector u = FloatVector.fromArray(S, acc, q * L);
    FloatVector v = FloatVector.fromArray(S, acc, b * L);
    u.blend(v, m).add(v.blend(u, m).rearrange(x)).intoArray(acc, q * L);
  }
}

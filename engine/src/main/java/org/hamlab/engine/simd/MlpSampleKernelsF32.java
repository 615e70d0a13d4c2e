package org.hamlab.engine.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float Vector API kernels of {@link MlpSampleTileF32}, where a micro-tile array holds one row per
 * neuron and the samples of that neuron contiguous ({@code x[j*R + t]}, R = rows per micro-tile),
 * so every vector carries consecutive samples of one neuron. Narrow layers then cost no
 * broadcasts of activations: the GEMM register block is 4 outputs × 4 sample vectors, per input
 * 4 weight broadcasts and 4 vector loads feed 16 FMAs. Sums over samples (parameter gradients) are
 * in {@link MlpSampleOuterF32}.
 * {@link MlpSampleKernelsF64} mirrors this class.
 */
final class MlpSampleKernelsF32 {
  private static final VectorSpecies<Float> S = MlpSpecies.FLOAT_SPECIES;
  static final int L = S.length();

  private MlpSampleKernelsF32() {}

  /**
   * {@code dst[j*R + t] = bias[j] + Σ_{i<kc} m[j*ms + i]·src[i*R + t]} for j < outs and the first
   * {@code nv} vectors of samples (bias null: 0); {@code outs} and {@code nv} are multiples of 4
   * (the tile pads neurons and computes whole micro-tiles), so one register block does all the
   * work: no tail kernels whose inlining could push C2 past its node budget into boxed vectors.
   * Every element sums over i in the same order, so per-sample results do not depend on how the
   * batch is cut.
   */
  static void gemm(float[] src, int kc, float[] m, int ms, int outs, float[] bias, float[] dst,
      int r, int nv) {
    for (int v = 0; v < nv; v += 4) {
      for (int j = 0; j < outs; j += 4) gemm4x4(src, kc, m, ms, bias, dst, r, j, v * L);
    }
  }

  /**
   * {@code dst} as in {@link #gemm} without bias, and {@code dst2 = dst ⊙ s} (the products δ = g ⊙
   * σ' and ȧ = σ' ⊙ ż of paper.md §7.4 items 1 and 2), from the registers: one pass over the
   * arrays less. {@code dst} null: only dst2 is stored (g, when no tangent pass will read it).
   */
  static void gemm(float[] src, int kc, float[] m, int ms, int outs, float[] dst, float[] s,
      float[] dst2, int r, int nv) {
    for (int v = 0; v < nv; v += 4) {
      for (int j = 0; j < outs; j += 4) gemm4x4(src, kc, m, ms, dst, s, dst2, r, j, v * L);
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

  /** As {@link #gemm4x4}, also storing {@code dst2 = dst ⊙ s} from the registers. */
  private static void gemm4x4(float[] src, int kc, float[] m, int ms, float[] dst, float[] s,
      float[] dst2, int r, int j, int t) {
    float[] bias = null;
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
    if (dst != null) c00.intoArray(dst, d);
    c00.mul(FloatVector.fromArray(S, s, d)).intoArray(dst2, d);
    if (dst != null) c01.intoArray(dst, d + L);
    c01.mul(FloatVector.fromArray(S, s, d + L)).intoArray(dst2, d + L);
    if (dst != null) c02.intoArray(dst, d + 2 * L);
    c02.mul(FloatVector.fromArray(S, s, d + 2 * L)).intoArray(dst2, d + 2 * L);
    if (dst != null) c03.intoArray(dst, d + 3 * L);
    c03.mul(FloatVector.fromArray(S, s, d + 3 * L)).intoArray(dst2, d + 3 * L);
    d += r;
    if (dst != null) c10.intoArray(dst, d);
    c10.mul(FloatVector.fromArray(S, s, d)).intoArray(dst2, d);
    if (dst != null) c11.intoArray(dst, d + L);
    c11.mul(FloatVector.fromArray(S, s, d + L)).intoArray(dst2, d + L);
    if (dst != null) c12.intoArray(dst, d + 2 * L);
    c12.mul(FloatVector.fromArray(S, s, d + 2 * L)).intoArray(dst2, d + 2 * L);
    if (dst != null) c13.intoArray(dst, d + 3 * L);
    c13.mul(FloatVector.fromArray(S, s, d + 3 * L)).intoArray(dst2, d + 3 * L);
    d += r;
    if (dst != null) c20.intoArray(dst, d);
    c20.mul(FloatVector.fromArray(S, s, d)).intoArray(dst2, d);
    if (dst != null) c21.intoArray(dst, d + L);
    c21.mul(FloatVector.fromArray(S, s, d + L)).intoArray(dst2, d + L);
    if (dst != null) c22.intoArray(dst, d + 2 * L);
    c22.mul(FloatVector.fromArray(S, s, d + 2 * L)).intoArray(dst2, d + 2 * L);
    if (dst != null) c23.intoArray(dst, d + 3 * L);
    c23.mul(FloatVector.fromArray(S, s, d + 3 * L)).intoArray(dst2, d + 3 * L);
    d += r;
    if (dst != null) c30.intoArray(dst, d);
    c30.mul(FloatVector.fromArray(S, s, d)).intoArray(dst2, d);
    if (dst != null) c31.intoArray(dst, d + L);
    c31.mul(FloatVector.fromArray(S, s, d + L)).intoArray(dst2, d + L);
    if (dst != null) c32.intoArray(dst, d + 2 * L);
    c32.mul(FloatVector.fromArray(S, s, d + 2 * L)).intoArray(dst2, d + 2 * L);
    if (dst != null) c33.intoArray(dst, d + 3 * L);
    c33.mul(FloatVector.fromArray(S, s, d + 3 * L)).intoArray(dst2, d + 3 * L);
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

  /**
   * The seed of the reverse pass, {@code g[j*R + t] = w[j]·scale[t]}, and its δ = g ⊙ σ'
   * ({@code d = g ⊙ s1}) for j < outs, t < nv·L, in one pass; {@code g} null: δ only (no tangent
   * pass will read g).
   */
  static void seed(float[] g, float[] w, int outs, float[] scale, float[] s1, float[] d,
      int r, int nv) {
    for (int v = 0; v < nv * L; v += L) {
      FloatVector s = FloatVector.fromArray(S, scale, v);
      for (int j = 0; j < outs; j++) {
        int o = j * r + v;
        FloatVector x = s.mul(w[j]);
        if (g != null) x.intoArray(g, o);
        x.mul(FloatVector.fromArray(S, s1, o)).intoArray(d, o);
      }
    }
  }

  /**
   * {@code out[j*R + t] = Σ_{i<dim} v[i*R + t]·units[i][k][j*R + t]} for j < outs, t < R: the
   * tangent state of layer k for per-row tangents v from those of the unit tangents; one pass per
   * unit tangent, over contiguous arrays.
   */
  static void combine(float[][][] units, int k, float[] v, int dim, float[] out, int outs,
      int r) {
    int len = outs * r;
    float[] u = units[0][k];
    for (int o = 0; o < len; o += r) {
      for (int t = 0; t < r; t += L) {
        FloatVector.fromArray(S, v, t).mul(FloatVector.fromArray(S, u, o + t)).intoArray(out, o + t);
      }
    }
    for (int i = 1; i < dim; i++) {
      u = units[i][k];
      int vo = i * r;
      for (int o = 0; o < len; o += r) {
        for (int t = 0; t < r; t += L) {
          FloatVector x = FloatVector.fromArray(S, out, o + t);
          FloatVector.fromArray(S, v, vo + t).fma(FloatVector.fromArray(S, u, o + t), x).intoArray(out, o + t);
        }
      }
    }
  }
}

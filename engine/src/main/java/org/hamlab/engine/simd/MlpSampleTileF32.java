package org.hamlab.engine.simd;

import java.util.Arrays;

/**
 * The passes of {@link MlpTile} (paper.md §7.4) in single precision with samples across vector
 * lanes: every tile array is {@code [neuron][R]}, the R = {@link #capacity()} samples of a neuron
 * contiguous ({@code x[j*R + t]}), so a float vector holds consecutive samples of one neuron and
 * narrow layers (16, 32 wide) keep the FMA pipes busy without broadcasting activations (GEMM:
 * {@link MlpSampleKernelsF32}; sums over samples: {@link MlpSampleOuterF32}). Loading from and
 * storing to the state layout {@code z[k*n + b]} is a contiguous copy.
 *
 * <p>Neurons are padded to a multiple of {@link #BLOCK} (zero weights, so padding neurons
 * contribute nothing) and every micro-tile computes all R samples: samples past {@code rows} load
 * zero states, zero tangents and zero reverse seeds (scale 0), so they add nothing to the
 * parameter gradients. The kernels then need no tails. Elementwise passes reuse
 * {@link MlpPanamaF32}'s. Mixed precision as in {@link MlpOps}. Needs an {@link MlpShape} built
 * with {@link #BLOCK} lanes.
 */
final class MlpSampleTileF32 implements MlpTile {
  /** Neuron padding of the shape: the GEMM and rank-t register blocks are 4 neurons wide. */
  static final int BLOCK = 4;
  private static final int L = MlpSampleKernelsF32.L;
  private final MlpShape shape;
  private final MlpWeightsF32 weights;
  private final MlpFunction function;
  private final int depth;
  private final int r;
  private final int nv;
  private final float[][] a;
  private final float[][] s1;
  private final float[][] s2;
  private final float[][] g;
  private final float[][] d;
  private final float[][] zd;
  private final float[][] ad;
  private final float[][] gd;
  private final float[][] dd;
  private final float[] part;
  /** ȧ_k and δ̇_k of the unit tangent passes ({@link #keepTangent}), allocated on first use. */
  private float[][][] unitAd, unitDd;
  private final float[] rowScale;
  private final float[] tmp;
  private int rows;
  private boolean curvature;

  /** @param vectors sample vectors per micro-tile, a multiple of 4 (R = vectors · L rows) */
  MlpSampleTileF32(MlpShape shape, MlpWeightsF32 weights, MlpFunction function, int vectors) {
    for (int k = 0; k <= shape.depth; k++) {
      if (shape.width[k] % BLOCK != 0) {
        throw new IllegalArgumentException("the sample-lane tile needs an MlpShape of 4 lanes");
      }
    }
    if (vectors % 4 != 0) {
      throw new IllegalArgumentException(vectors + " sample vectors: must be a multiple of 4");
    }
    this.shape = shape;
    this.weights = weights;
    this.function = function;
    this.depth = shape.depth;
    this.nv = vectors;
    this.r = vectors * L;
    int k1 = depth + 1;
    a = new float[k1][];
    s1 = new float[k1][];
    s2 = new float[k1][];
    g = new float[k1][];
    d = new float[k1][];
    zd = new float[k1][];
    ad = new float[k1][];
    gd = new float[k1][];
    dd = new float[k1][];
    for (int k = 0; k <= depth; k++) {
      int len = r * shape.width[k];
      a[k] = new float[len];
      s1[k] = new float[len];
      s2[k] = new float[len];
      g[k] = new float[len];
      d[k] = new float[len];
      zd[k] = new float[len];
      ad[k] = new float[len];
      gd[k] = new float[len];
      dd[k] = new float[len];
    }
    part = new float[shape.paddedCount];
    rowScale = new float[r];
    tmp = new float[Math.max(r, 16 * L)];
  }

  @Override
  public int capacity() {
    return r;
  }

  @Override
  public void load(double[] z, int n, int from, int rows) {
    this.rows = rows;
    loadRows(z, n, from, a[0]);
  }

  private void loadRows(double[] z, int n, int from, float[] dst) {
    for (int i = 0; i < shape.count[0]; i++) {
      int o = i * n + from;
      int p = i * r;
      for (int t = 0; t < rows; t++) dst[p + t] = (float) z[o + t];
      Arrays.fill(dst, p + rows, p + r, 0.0f);
    }
  }

  @Override
  public void forward(boolean curvature) {
    this.curvature = curvature;
    MlpWeightsF32 p = weights;
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      MlpSampleKernelsF32.gemm(a[k - 1], s.count[k - 1], p.wm[k], s.width[k - 1], s.width[k],
          p.b[k], a[k], r, nv);
      MlpPanamaF32.activate(function, a[k], s1[k], curvature ? s2[k] : null, s.width[k] * r);
    }
  }

  @Override
  public void value(double[] out, int from) {
    MlpSampleKernelsF32.value(a[depth], weights.wOut, shape.count[depth], weights.c, out, from,
        rows, r, tmp);
  }

  @Override
  public void backward(double[] scale, int from) {
    for (int t = 0; t < r; t++) {
      rowScale[t] = t >= rows ? 0.0f : scale == null ? 1.0f : (float) scale[from + t];
    }
    MlpShape s = shape;
    MlpSampleKernelsF32.seed(curvature ? g[depth] : null, weights.wOut, s.width[depth], rowScale,
        s1[depth], d[depth], r, nv);
    for (int k = depth; k > 1; k--) {
      MlpSampleKernelsF32.gemm(d[k], s.count[k], weights.wt[k], s.width[k], s.width[k - 1],
          curvature ? g[k - 1] : null, s1[k - 1], d[k - 1], r, nv);
    }
    MlpSampleKernelsF32.gemm(d[1], s.count[1], weights.wt[1], s.width[1], s.width[0], null, g[0], r,
        nv);
  }

  @Override
  public void storeGradient(double[] out, int n, int from) {
    storeRows(g[0], out, n, from, 1, 0);
  }

  @Override
  public void loadTangent(double[] v, int n, int from) {
    loadRows(v, n, from, ad[0]);
  }

  @Override
  public void unitTangent(int i) {
    Arrays.fill(ad[0], 0.0f);
    Arrays.fill(ad[0], i * r, i * r + rows, 1.0f);
  }

  @Override
  public void tangent() {
    if (!curvature) throw new IllegalStateException("tangent() needs forward(true)");
    MlpWeightsF32 p = weights;
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      MlpSampleKernelsF32.gemm(ad[k - 1], s.count[k - 1], p.wm[k], s.width[k - 1], s.width[k],
          zd[k], s1[k], ad[k], r, nv);
    }
    // ġ_K = 0: gd[depth] is never written and stays zero.
    for (int k = depth; k >= 1; k--) {
      MlpPanamaF32.tangentDeltas(gd[k], s1[k], g[k], s2[k], zd[k], dd[k], s.width[k] * r);
      MlpSampleKernelsF32.gemm(dd[k], s.count[k], p.wt[k], s.width[k], s.width[k - 1], null,
          gd[k - 1], r, nv);
    }
  }

  @Override
  public boolean combinesTangents() {
    return true;
  }

  /** Swaps ȧ_k and δ̇_k with unit tangent i's arrays: the next pass overwrites all of them. */
  @Override
  public void keepTangent(int i) {
    if (unitAd == null) {
      int dim = shape.count[0];
      unitAd = new float[dim][depth + 1][];
      unitDd = new float[dim][depth + 1][];
      for (int j = 0; j < dim; j++) {
        for (int k = 1; k <= depth; k++) {
          unitAd[j][k] = new float[ad[k].length];
          unitDd[j][k] = new float[dd[k].length];
        }
      }
    }
    for (int k = 1; k <= depth; k++) {
      float[] x = ad[k];
      ad[k] = unitAd[i][k];
      unitAd[i][k] = x;
      x = dd[k];
      dd[k] = unitDd[i][k];
      unitDd[i][k] = x;
    }
  }

  @Override
  public void combineTangents(double[] v, int n, int from) {
    loadRows(v, n, from, ad[0]);
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      MlpSampleKernelsF32.combine(unitAd, k, ad[0], s.count[0], ad[k], s.width[k], r);
      MlpSampleKernelsF32.combine(unitDd, k, ad[0], s.count[0], dd[k], s.width[k], r);
    }
  }

  @Override
  public void storeHessianVector(double[] out, int n, int from) {
    storeRows(gd[0], out, n, from, 1, 0);
  }

  @Override
  public void storeHessianColumn(double[] out, int n, int from, int col) {
    storeRows(gd[0], out, n, from, shape.count[0], col);
  }

  private void storeRows(float[] src, double[] out, int n, int from, int stride, int col) {
    for (int i = 0; i < shape.count[0]; i++) {
      int o = (i * stride + col) * n + from;
      int p = i * r;
      for (int t = 0; t < rows; t++) out[o + t] = src[p + t];
    }
  }

  @Override
  public void beginPartial() {
    Arrays.fill(part, 0.0f);
  }

  @Override
  public void addParameterGradient(double[] scale, int from) {
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      MlpSampleOuterF32.outer(part, s.padW[k], s.width[k], a[k - 1], d[k], null, null,
          s.width[k - 1], s.width[k], r, nv, tmp);
      MlpSampleOuterF32.rowSums(part, s.padB[k], d[k], s.width[k], null, r, nv, tmp);
    }
    MlpSampleOuterF32.rowSums(part, s.padOut, a[depth], s.width[depth], rowScale, r, nv, tmp);
    float c = 0.0f;
    for (int t = 0; t < rows; t++) c += rowScale[t];
    part[s.padC] += c;
  }

  @Override
  public void addMixed() {
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      MlpSampleOuterF32.outer(part, s.padW[k], s.width[k], a[k - 1], dd[k], ad[k - 1], d[k],
          s.width[k - 1], s.width[k], r, nv, tmp);
      MlpSampleOuterF32.rowSums(part, s.padB[k], dd[k], s.width[k], null, r, nv, tmp);
    }
    MlpSampleOuterF32.rowSums(part, s.padOut, ad[depth], s.width[depth], null, r, nv, tmp);
  }

  @Override
  public void endPartial(double[] out) {
    for (int i = 0; i < part.length; i++) out[i] = part[i];
  }
}

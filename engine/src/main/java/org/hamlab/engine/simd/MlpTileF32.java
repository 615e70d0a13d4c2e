package org.hamlab.engine.simd;

import java.util.Arrays;

/**
 * The passes of {@link MlpTile} in single precision over abstract primitives, implemented by
 * {@link MlpScalarF32} and {@link MlpPanamaF32}; a copy of {@link MlpTileF64} with float tile
 * arrays. States arrive as double and are rounded to float on load; outputs are widened to double
 * on store (mixed precision: see {@link MlpOps}).
 */
abstract class MlpTileF32 implements MlpTile {
  final MlpShape shape;
  final MlpWeightsF32 weights;
  final MlpFunction function;
  final int depth;
  final float[][] a;
  final float[][] s1;
  final float[][] s2;
  final float[][] g;
  final float[][] d;
  final float[][] zd;
  final float[][] ad;
  final float[][] gd;
  final float[][] dd;
  final float[] part;
  final float[] rowScale = new float[ROWS];
  int rows;
  int rowsPad;
  private boolean curvature;

  MlpTileF32(MlpShape shape, MlpWeightsF32 weights, MlpFunction function) {
    this.shape = shape;
    this.weights = weights;
    this.function = function;
    this.depth = shape.depth;
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
      int len = ROWS * shape.width[k];
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
  }

  /** {@code dst[t][j] = bias[j] + Σ_{i<kc} src[t*ss+i]·m[i*w+j]} for t < rowsPad, j < w. */
  abstract void gemm(float[] src, int ss, int kc, float[] m, int w, float[] bias, float[] dst);

  /** In place: {@code a} holds z on entry, σ(z) on exit; also writes σ', σ''. */
  abstract void activate(float[] a, float[] s1, float[] s2, int len);

  /** {@code out = x ⊙ y}. */
  abstract void mul(float[] x, float[] y, float[] out, int len);

  /** {@code out = gd ⊙ s1 + g ⊙ s2 ⊙ zd} (δ̇ of paper.md §7.4 item 3). */
  abstract void tangentDelta(
      float[] gd, float[] s1, float[] g, float[] s2, float[] zd, float[] out, int len);

  /** {@code out[t] = c + w·a[t]} for t < rows. */
  abstract void dotRows(float[] a, float[] w, int width, float c, double[] out, int from);

  /** {@code g[t] = scale_t · w} for t < rowsPad. */
  abstract void fillRows(float[] g, float[] w, int width, float[] scale);

  /** {@code dw[off+i*w+j] += Σ_{t<rows} x[t*xs+i]·dl[t*w+j]}, i < ic, j < w (δaᵀ transposed). */
  abstract void outer(float[] dw, int off, int w, float[] x, int xs, int ic, float[] dl);

  /** As {@link #outer} with two rank-t terms (paper.md §7.4 item 4: δ̇ aᵀ + δ ȧᵀ). */
  abstract void outer2(
      float[] dw, int off, int w, float[] x1, float[] dl1, float[] x2, float[] dl2, int xs,
      int ic);

  /** {@code db[off+j] += Σ_{t<rows} scale_t · dl[t*w+j]} (scale null: 1). */
  abstract void columnSum(float[] db, int off, float[] dl, int w, float[] scale);

  @Override
  public void load(double[] z, int n, int from, int rows) {
    this.rows = rows;
    this.rowsPad = (rows + 3) & ~3;
    loadRows(z, n, from, a[0]);
  }

  private void loadRows(double[] z, int n, int from, float[] dst) {
    int dim = shape.count[0];
    int w = shape.width[0];
    for (int t = 0; t < rowsPad; t++) {
      for (int i = 0; i < dim; i++) dst[t * w + i] = t < rows ? (float) z[i * n + from + t] : 0.0f;
    }
  }

  @Override
  public void forward(boolean curvature) {
    this.curvature = curvature;
    MlpWeightsF32 p = weights;
    for (int k = 1; k <= depth; k++) {
      gemm(a[k - 1], shape.width[k - 1], shape.count[k - 1], p.wt[k], shape.width[k], p.b[k], a[k]);
      activate(a[k], s1[k], curvature ? s2[k] : null, rowsPad * shape.width[k]);
    }
  }

  @Override
  public void value(double[] out, int from) {
    dotRows(a[depth], weights.wOut, shape.width[depth], weights.c, out, from);
  }

  @Override
  public void backward(double[] scale, int from) {
    for (int t = 0; t < ROWS; t++) {
      rowScale[t] = t >= rows ? 0.0f : scale == null ? 1.0f : (float) scale[from + t];
    }
    fillRows(g[depth], weights.wOut, shape.width[depth], rowScale);
    for (int k = depth; k >= 1; k--) {
      mul(g[k], s1[k], d[k], rowsPad * shape.width[k]);
      gemm(d[k], shape.width[k], shape.count[k], weights.wm[k], shape.width[k - 1], null, g[k - 1]);
    }
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
    int w = shape.width[0];
    for (int t = 0; t < rowsPad; t++) ad[0][t * w + i] = 1.0f;
  }

  @Override
  public void tangent() {
    if (!curvature) throw new IllegalStateException("tangent() needs forward(true)");
    MlpWeightsF32 p = weights;
    for (int k = 1; k <= depth; k++) {
      gemm(ad[k - 1], shape.width[k - 1], shape.count[k - 1], p.wt[k], shape.width[k], null, zd[k]);
      mul(s1[k], zd[k], ad[k], rowsPad * shape.width[k]);
    }
    // ġ_K = 0: gd[depth] is never written and stays zero.
    for (int k = depth; k >= 1; k--) {
      tangentDelta(gd[k], s1[k], g[k], s2[k], zd[k], dd[k], rowsPad * shape.width[k]);
      gemm(dd[k], shape.width[k], shape.count[k], p.wm[k], shape.width[k - 1], null, gd[k - 1]);
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
    int dim = shape.count[0];
    int w = shape.width[0];
    for (int i = 0; i < dim; i++) {
      int o = (i * stride + col) * n + from;
      for (int t = 0; t < rows; t++) out[o + t] = src[t * w + i];
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
      outer(part, s.padW[k], s.width[k], a[k - 1], s.width[k - 1], s.count[k - 1], d[k]);
      columnSum(part, s.padB[k], d[k], s.width[k], null);
    }
    columnSum(part, s.padOut, a[depth], s.width[depth], rowScale);
    float c = 0.0f;
    for (int t = 0; t < rows; t++) c += rowScale[t];
    part[s.padC] += c;
  }

  @Override
  public void addMixed() {
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      outer2(part, s.padW[k], s.width[k], a[k - 1], dd[k], ad[k - 1], d[k], s.width[k - 1],
          s.count[k - 1]);
      columnSum(part, s.padB[k], dd[k], s.width[k], null);
    }
    columnSum(part, s.padOut, ad[depth], s.width[depth], null);
  }

  @Override
  public void endPartial(double[] out) {
    for (int i = 0; i < part.length; i++) out[i] = part[i];
  }
}

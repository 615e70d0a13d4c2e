package org.hamlab.engine.simd;

import java.util.Arrays;

/**
 * The passes of {@link MlpTile} in double precision over abstract primitives (a small GEMM,
 * elementwise products, rank-t updates), implemented by {@link MlpScalarF64} and
 * {@link MlpPanamaF64}. Tile arrays are row-major {@code [t][width[k]]}; rows are padded to a
 * multiple of 4 (the GEMM's register block) and padding rows carry zero scale.
 */
abstract class MlpTileF64 implements MlpTile {
  final MlpShape shape;
  final MlpWeightsF64 weights;
  final MlpFunction function;
  final int depth;
  final double[][] a;
  final double[][] s1;
  final double[][] s2;
  final double[][] g;
  final double[][] d;
  final double[][] zd;
  final double[][] ad;
  final double[][] gd;
  final double[][] dd;
  final double[] part;
  final double[] rowScale = new double[ROWS];
  int rows;
  int rowsPad;
  private boolean curvature;

  MlpTileF64(MlpShape shape, MlpWeightsF64 weights, MlpFunction function) {
    this.shape = shape;
    this.weights = weights;
    this.function = function;
    this.depth = shape.depth;
    int k1 = depth + 1;
    a = new double[k1][];
    s1 = new double[k1][];
    s2 = new double[k1][];
    g = new double[k1][];
    d = new double[k1][];
    zd = new double[k1][];
    ad = new double[k1][];
    gd = new double[k1][];
    dd = new double[k1][];
    for (int k = 0; k <= depth; k++) {
      int len = ROWS * shape.width[k];
      a[k] = new double[len];
      s1[k] = new double[len];
      s2[k] = new double[len];
      g[k] = new double[len];
      d[k] = new double[len];
      zd[k] = new double[len];
      ad[k] = new double[len];
      gd[k] = new double[len];
      dd[k] = new double[len];
    }
    part = new double[shape.paddedCount];
  }

  /** {@code dst[t][j] = bias[j] + Σ_{i<kc} src[t*ss+i]·m[i*w+j]} for t < rowsPad, j < w. */
  abstract void gemm(double[] src, int ss, int kc, double[] m, int w, double[] bias, double[] dst);

  /** In place: {@code a} holds z on entry, σ(z) on exit; also writes σ', σ''. */
  abstract void activate(double[] a, double[] s1, double[] s2, int len);

  /** {@code out = x ⊙ y}. */
  abstract void mul(double[] x, double[] y, double[] out, int len);

  /** {@code out = gd ⊙ s1 + g ⊙ s2 ⊙ zd} (δ̇ of paper.md §7.4 item 3). */
  abstract void tangentDelta(
      double[] gd, double[] s1, double[] g, double[] s2, double[] zd, double[] out, int len);

  /** {@code out[t] = c + w·a[t]} for t < rows. */
  abstract void dotRows(double[] a, double[] w, int width, double c, double[] out, int from);

  /** {@code g[t] = scale_t · w} for t < rowsPad. */
  abstract void fillRows(double[] g, double[] w, int width, double[] scale);

  /** {@code dw[off+i*w+j] += Σ_{t<rows} x[t*xs+i]·dl[t*w+j]}, i < ic, j < w (δaᵀ transposed). */
  abstract void outer(double[] dw, int off, int w, double[] x, int xs, int ic, double[] dl);

  /** As {@link #outer} with two rank-t terms (paper.md §7.4 item 4: δ̇ aᵀ + δ ȧᵀ). */
  abstract void outer2(
      double[] dw, int off, int w, double[] x1, double[] dl1, double[] x2, double[] dl2, int xs,
      int ic);

  /** {@code db[off+j] += Σ_{t<rows} scale_t · dl[t*w+j]} (scale null: 1). */
  abstract void columnSum(double[] db, int off, double[] dl, int w, double[] scale);

  @Override
  public void load(double[] z, int n, int from, int rows) {
    this.rows = rows;
    this.rowsPad = (rows + 3) & ~3;
    loadRows(z, n, from, a[0]);
  }

  private void loadRows(double[] z, int n, int from, double[] dst) {
    int dim = shape.count[0];
    int w = shape.width[0];
    for (int t = 0; t < rowsPad; t++) {
      for (int i = 0; i < dim; i++) dst[t * w + i] = t < rows ? z[i * n + from + t] : 0.0;
    }
  }

  @Override
  public void forward(boolean curvature) {
    this.curvature = curvature;
    MlpWeightsF64 p = weights;
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
      rowScale[t] = t >= rows ? 0.0 : scale == null ? 1.0 : scale[from + t];
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
    Arrays.fill(ad[0], 0.0);
    int w = shape.width[0];
    for (int t = 0; t < rowsPad; t++) ad[0][t * w + i] = 1.0;
  }

  @Override
  public void tangent() {
    if (!curvature) throw new IllegalStateException("tangent() needs forward(true)");
    MlpWeightsF64 p = weights;
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

  private void storeRows(double[] src, double[] out, int n, int from, int stride, int col) {
    int dim = shape.count[0];
    int w = shape.width[0];
    for (int i = 0; i < dim; i++) {
      int o = (i * stride + col) * n + from;
      for (int t = 0; t < rows; t++) out[o + t] = src[t * w + i];
    }
  }

  @Override
  public void beginPartial() {
    Arrays.fill(part, 0.0);
  }

  @Override
  public void addParameterGradient(double[] scale, int from) {
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      outer(part, s.padW[k], s.width[k], a[k - 1], s.width[k - 1], s.count[k - 1], d[k]);
      columnSum(part, s.padB[k], d[k], s.width[k], null);
    }
    columnSum(part, s.padOut, a[depth], s.width[depth], rowScale);
    double c = 0.0;
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
    System.arraycopy(part, 0, out, 0, part.length);
  }
}

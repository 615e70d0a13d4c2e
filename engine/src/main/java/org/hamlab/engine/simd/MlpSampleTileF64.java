package org.hamlab.engine.simd;

import java.util.Arrays;

/**
 * The passes of {@link MlpTile} (paper.md §7.4) in double precision with samples across vector
 * lanes: every tile array is {@code [neuron][R]}, the R = {@link #capacity()} samples of a neuron
 * contiguous ({@code x[j*R + t]}), so a double vector holds consecutive samples of one neuron and
 * narrow layers (16, 32 wide) keep all FMA pipes busy (kernels: {@link MlpSampleKernelsF64}).
 * Loading from and storing to the state layout {@code z[k*n + b]} is a contiguous copy.
 *
 * <p>Only the first {@code nv} = ⌈rows/L⌉ sample vectors are computed; lanes past {@code rows}
 * load zero states, zero tangents and zero reverse seeds (scale 0), so they add nothing to the
 * parameter gradients. Elementwise passes reuse {@link MlpPanamaF64}'s. A copy of {@link MlpSampleTileF32}
 * in double. Needs a {@link MlpShape} built with one lane (widths = counts).
 */
final class MlpSampleTileF64 implements MlpTile {
  private static final int L = MlpSampleKernelsF64.L;
  private final MlpShape shape;
  private final MlpWeightsF64 weights;
  private final MlpFunction function;
  private final int depth;
  private final int r;
  private final double[][] a;
  private final double[][] s1;
  private final double[][] s2;
  private final double[][] g;
  private final double[][] d;
  private final double[][] zd;
  private final double[][] ad;
  private final double[][] gd;
  private final double[][] dd;
  private final double[] part;
  private final double[] rowScale;
  private final double[] tmp;
  private int rows;
  private int nv;

  /** @param vectors sample vectors per micro-tile (R = vectors · lanes rows) */
  MlpSampleTileF64(MlpShape shape, MlpWeightsF64 weights, MlpFunction function, int vectors) {
    for (int k = 0; k <= shape.depth; k++) {
      if (shape.width[k] != shape.count[k]) {
        throw new IllegalArgumentException("the sample-lane tile needs a one-lane MlpShape");
      }
    }
    this.shape = shape;
    this.weights = weights;
    this.function = function;
    this.depth = shape.depth;
    this.r = vectors * L;
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
      int len = r * shape.count[k];
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
    rowScale = new double[r];
    tmp = new double[Math.max(r, L * L)];
  }

  @Override
  public int capacity() {
    return r;
  }

  @Override
  public void load(double[] z, int n, int from, int rows) {
    this.rows = rows;
    this.nv = (rows + L - 1) / L;
    loadRows(z, n, from, a[0]);
  }

  private void loadRows(double[] z, int n, int from, double[] dst) {
    int end = nv * L;
    for (int i = 0; i < shape.count[0]; i++) {
      int o = i * n + from;
      int p = i * r;
      for (int t = 0; t < rows; t++) dst[p + t] = z[o + t];
      for (int t = rows; t < end; t++) dst[p + t] = 0.0;
    }
  }

  @Override
  public void forward() {
    MlpWeightsF64 p = weights;
    for (int k = 1; k <= depth; k++) {
      int outs = shape.count[k];
      MlpSampleKernelsF64.gemm(a[k - 1], shape.count[k - 1], p.wm[k], shape.width[k - 1], outs,
          p.b[k], a[k], r, nv);
      MlpPanamaF64.activate(function, a[k], s1[k], s2[k], outs * r);
    }
  }

  @Override
  public void value(double[] out, int from) {
    MlpSampleKernelsF64.value(a[depth], weights.wOut, shape.count[depth], weights.c, out, from,
        rows, r, tmp);
  }

  @Override
  public void backward(double[] scale, int from) {
    for (int t = 0; t < r; t++) {
      rowScale[t] = t >= rows ? 0.0 : scale == null ? 1.0 : scale[from + t];
    }
    MlpSampleKernelsF64.seed(g[depth], weights.wOut, shape.count[depth], rowScale, r, nv);
    for (int k = depth; k >= 1; k--) {
      int outs = shape.count[k];
      MlpPanamaF64.product(g[k], s1[k], d[k], outs * r);
      MlpSampleKernelsF64.gemm(d[k], outs, weights.wt[k], shape.width[k], shape.count[k - 1],
          null, g[k - 1], r, nv);
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
    Arrays.fill(ad[0], i * r, i * r + rows, 1.0);
  }

  @Override
  public void tangent() {
    MlpWeightsF64 p = weights;
    for (int k = 1; k <= depth; k++) {
      int outs = shape.count[k];
      MlpSampleKernelsF64.gemm(ad[k - 1], shape.count[k - 1], p.wm[k], shape.width[k - 1], outs,
          null, zd[k], r, nv);
      MlpPanamaF64.product(s1[k], zd[k], ad[k], outs * r);
    }
    // ġ_K = 0: gd[depth] is never written and stays zero.
    for (int k = depth; k >= 1; k--) {
      int outs = shape.count[k];
      MlpPanamaF64.tangentDeltas(gd[k], s1[k], g[k], s2[k], zd[k], dd[k], outs * r);
      MlpSampleKernelsF64.gemm(dd[k], outs, p.wt[k], shape.width[k], shape.count[k - 1], null,
          gd[k - 1], r, nv);
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
    for (int i = 0; i < shape.count[0]; i++) {
      int o = (i * stride + col) * n + from;
      int p = i * r;
      for (int t = 0; t < rows; t++) out[o + t] = src[p + t];
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
      MlpSampleKernelsF64.outer(part, s.padW[k], s.width[k], a[k - 1], s.count[k - 1], d[k],
          s.count[k], r, nv, tmp);
      MlpSampleKernelsF64.rowSums(part, s.padB[k], d[k], s.count[k], null, r, nv, tmp);
    }
    MlpSampleKernelsF64.rowSums(part, s.padOut, a[depth], s.count[depth], rowScale, r, nv, tmp);
    double c = 0.0;
    for (int t = 0; t < rows; t++) c += rowScale[t];
    part[s.padC] += c;
  }

  @Override
  public void addMixed() {
    MlpShape s = shape;
    for (int k = 1; k <= depth; k++) {
      MlpSampleKernelsF64.outer2(part, s.padW[k], s.width[k], a[k - 1], dd[k], ad[k - 1], d[k],
          s.count[k - 1], s.count[k], r, nv, tmp);
      MlpSampleKernelsF64.rowSums(part, s.padB[k], dd[k], s.count[k], null, r, nv, tmp);
    }
    MlpSampleKernelsF64.rowSums(part, s.padOut, ad[depth], s.count[depth], null, r, nv, tmp);
  }

  @Override
  public void endPartial(double[] out) {
    for (int i = 0; i < part.length; i++) out[i] = part[i];
  }
}

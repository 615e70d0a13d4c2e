package org.hamlab.engine.simd;

/**
 * Plain-loop reference of {@link MlpTileF64}: the scalar twin the Panama kernels are tested
 * against, and the fallback when the Vector API is unavailable ({@code -Dhamlab.simd=scalar}).
 */
final class MlpScalarF64 extends MlpTileF64 {

  MlpScalarF64(MlpShape shape, MlpWeightsF64 weights, MlpFunction function) {
    super(shape, weights, function);
  }

  @Override
  void gemm(double[] src, int ss, int kc, double[] m, int w, double[] bias, double[] dst) {
    for (int t = 0; t < rowsPad; t++) {
      for (int j = 0; j < w; j++) dst[t * w + j] = bias == null ? 0.0 : bias[j];
      for (int i = 0; i < kc; i++) {
        double x = src[t * ss + i];
        for (int j = 0; j < w; j++) dst[t * w + j] += x * m[i * w + j];
      }
    }
  }

  @Override
  void activate(double[] a, double[] s1, double[] s2, int len) {
    for (int i = 0; i < len; i++) {
      double z = a[i];
      switch (function) {
        case TANH -> {
          double t = Math.tanh(z);
          a[i] = t;
          s1[i] = 1.0 - t * t;
          if (s2 != null) s2[i] = -2.0 * t * s1[i];
        }
        case SIGMOID -> {
          double y = 1.0 / (1.0 + Math.exp(-z));
          a[i] = y;
          s1[i] = y * (1.0 - y);
          if (s2 != null) s2[i] = s1[i] * (1.0 - 2.0 * y);
        }
        case SOFTPLUS -> {
          double y = 1.0 / (1.0 + Math.exp(-z));
          a[i] = Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
          s1[i] = y;
          if (s2 != null) s2[i] = y * (1.0 - y);
        }
        case SIN -> {
          double y = Math.sin(z);
          a[i] = y;
          s1[i] = Math.cos(z);
          if (s2 != null) s2[i] = -y;
        }
      }
    }
  }

  @Override
  void mul(double[] x, double[] y, double[] out, int len) {
    for (int i = 0; i < len; i++) out[i] = x[i] * y[i];
  }

  @Override
  void tangentDelta(
      double[] gd, double[] s1, double[] g, double[] s2, double[] zd, double[] out, int len) {
    for (int i = 0; i < len; i++) out[i] = gd[i] * s1[i] + g[i] * s2[i] * zd[i];
  }

  @Override
  void dotRows(double[] a, double[] w, int width, double c, double[] out, int from) {
    for (int t = 0; t < rows; t++) {
      double s = 0.0;
      for (int j = 0; j < width; j++) s += w[j] * a[t * width + j];
      out[from + t] = s + c;
    }
  }

  @Override
  void fillRows(double[] g, double[] w, int width, double[] scale) {
    for (int t = 0; t < rowsPad; t++) {
      for (int j = 0; j < width; j++) g[t * width + j] = scale[t] * w[j];
    }
  }

  @Override
  void outer(double[] dw, int off, int w, double[] x, int xs, int ic, double[] dl) {
    for (int i = 0; i < ic; i++) {
      for (int t = 0; t < rows; t++) {
        double f = x[t * xs + i];
        for (int j = 0; j < w; j++) dw[off + i * w + j] += f * dl[t * w + j];
      }
    }
  }

  @Override
  void outer2(
      double[] dw, int off, int w, double[] x1, double[] dl1, double[] x2, double[] dl2, int xs,
      int ic) {
    for (int i = 0; i < ic; i++) {
      for (int t = 0; t < rows; t++) {
        double f1 = x1[t * xs + i];
        double f2 = x2[t * xs + i];
        for (int j = 0; j < w; j++) {
          dw[off + i * w + j] += f1 * dl1[t * w + j] + f2 * dl2[t * w + j];
        }
      }
    }
  }

  @Override
  void columnSum(double[] db, int off, double[] dl, int w, double[] scale) {
    for (int t = 0; t < rows; t++) {
      double f = scale == null ? 1.0 : scale[t];
      for (int j = 0; j < w; j++) db[off + j] += f * dl[t * w + j];
    }
  }
}

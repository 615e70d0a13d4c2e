package org.hamlab.engine.simd;

/**
 * Plain-loop float reference of {@link MlpTileF32}: the scalar twin of {@link MlpPanamaF32}.
 * Float tanh uses the same rational approximation as the Panama kernel ({@link #tanh}).
 */
final class MlpScalarF32 extends MlpTileF32 {

  MlpScalarF32(MlpShape shape, MlpWeightsF32 weights, MlpFunction function) {
    super(shape, weights, function);
  }

  @Override
  void gemm(float[] src, int ss, int kc, float[] m, int w, float[] bias, float[] dst) {
    for (int t = 0; t < rowsPad; t++) {
      for (int j = 0; j < w; j++) dst[t * w + j] = bias == null ? 0.0f : bias[j];
      for (int i = 0; i < kc; i++) {
        float x = src[t * ss + i];
        for (int j = 0; j < w; j++) dst[t * w + j] += x * m[i * w + j];
      }
    }
  }

  @Override
  void activate(float[] a, float[] s1, float[] s2, int len) {
    for (int i = 0; i < len; i++) {
      float z = a[i];
      switch (function) {
        case TANH -> {
          float t = tanh(z);
          a[i] = t;
          s1[i] = 1.0f - t * t;
          if (s2 != null) s2[i] = -2.0f * t * s1[i];
        }
        case SIGMOID -> {
          float y = (float) (1.0 / (1.0 + Math.exp(-z)));
          a[i] = y;
          s1[i] = y * (1.0f - y);
          if (s2 != null) s2[i] = s1[i] * (1.0f - 2.0f * y);
        }
        case SOFTPLUS -> {
          float y = (float) (1.0 / (1.0 + Math.exp(-z)));
          a[i] = (float) (Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z))));
          s1[i] = y;
          if (s2 != null) s2[i] = y * (1.0f - y);
        }
        case SIN -> {
          float y = (float) Math.sin(z);
          a[i] = y;
          s1[i] = (float) Math.cos(z);
          if (s2 != null) s2[i] = -y;
        }
      }
    }
  }

  @Override
  void mul(float[] x, float[] y, float[] out, int len) {
    for (int i = 0; i < len; i++) out[i] = x[i] * y[i];
  }

  @Override
  void tangentDelta(
      float[] gd, float[] s1, float[] g, float[] s2, float[] zd, float[] out, int len) {
    for (int i = 0; i < len; i++) out[i] = gd[i] * s1[i] + g[i] * s2[i] * zd[i];
  }

  @Override
  void dotRows(float[] a, float[] w, int width, float c, double[] out, int from) {
    for (int t = 0; t < rows; t++) {
      float s = 0.0f;
      for (int j = 0; j < width; j++) s += w[j] * a[t * width + j];
      out[from + t] = s + c;
    }
  }

  @Override
  void fillRows(float[] g, float[] w, int width, float[] scale) {
    for (int t = 0; t < rowsPad; t++) {
      for (int j = 0; j < width; j++) g[t * width + j] = scale[t] * w[j];
    }
  }

  @Override
  void outer(float[] dw, int off, int w, float[] x, int xs, int ic, float[] dl) {
    for (int i = 0; i < ic; i++) {
      for (int t = 0; t < rows; t++) {
        float f = x[t * xs + i];
        for (int j = 0; j < w; j++) dw[off + i * w + j] += f * dl[t * w + j];
      }
    }
  }

  @Override
  void outer2(
      float[] dw, int off, int w, float[] x1, float[] dl1, float[] x2, float[] dl2, int xs,
      int ic) {
    for (int i = 0; i < ic; i++) {
      for (int t = 0; t < rows; t++) {
        float f1 = x1[t * xs + i];
        float f2 = x2[t * xs + i];
        for (int j = 0; j < w; j++) {
          dw[off + i * w + j] += f1 * dl1[t * w + j] + f2 * dl2[t * w + j];
        }
      }
    }
  }

  @Override
  void columnSum(float[] db, int off, float[] dl, int w, float[] scale) {
    for (int t = 0; t < rows; t++) {
      float f = scale == null ? 1.0f : scale[t];
      for (int j = 0; j < w; j++) db[off + j] += f * dl[t * w + j];
    }
  }

  /**
   * Rational float tanh (the minimax form used by Eigen's {@code generic_fast_tanh_float}):
   * odd degree-13 numerator over even degree-6 denominator in x, x clamped to ±7.9053111;
   * absolute error about 1e-7 (tested in MlpKernelsTest). Shared with {@link MlpPanamaF32}.
   */
  static float tanh(float z) {
    float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, z));
    float x2 = x * x;
    float p = Math.fma(x2, TANH_A13, TANH_A11);
    p = Math.fma(x2, p, TANH_A9);
    p = Math.fma(x2, p, TANH_A7);
    p = Math.fma(x2, p, TANH_A5);
    p = Math.fma(x2, p, TANH_A3);
    p = Math.fma(x2, p, TANH_A1);
    p = x * p;
    float q = Math.fma(x2, TANH_B6, TANH_B4);
    q = Math.fma(x2, q, TANH_B2);
    q = Math.fma(x2, q, TANH_B0);
    return p / q;
  }

  static final float TANH_CLAMP = 7.90531110763549805f;
  static final float TANH_A1 = 4.89352455891786e-03f;
  static final float TANH_A3 = 6.37261928875436e-04f;
  static final float TANH_A5 = 1.48572235717979e-05f;
  static final float TANH_A7 = 5.12229709037114e-08f;
  static final float TANH_A9 = -8.60467152213735e-11f;
  static final float TANH_A11 = 2.00018790482477e-13f;
  static final float TANH_A13 = -2.76076847742355e-16f;
  static final float TANH_B0 = 4.89352518554385e-03f;
  static final float TANH_B2 = 2.26843463243900e-03f;
  static final float TANH_B4 = 1.18534705686654e-04f;
  static final float TANH_B6 = 1.19825839466702e-06f;
}

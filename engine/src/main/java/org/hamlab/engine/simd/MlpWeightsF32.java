package org.hamlab.engine.simd;

/**
 * Single-precision copies of θ in the two layouts the tile kernels read: {@code wt[k]} is W_kᵀ
 * ({@code width[k−1]} rows of {@code width[k]}, forward), {@code wm[k]} is W_k ({@code width[k]}
 * rows of {@code width[k−1]}, reverse), zero-padded, as are the biases and the output weight.
 */
final class MlpWeightsF32 {
  final float[][] wt;
  final float[][] wm;
  final float[][] b;
  final float[] wOut;
  float c;

  MlpWeightsF32(MlpShape s) {
    wt = new float[s.depth + 1][];
    wm = new float[s.depth + 1][];
    b = new float[s.depth + 1][];
    for (int k = 1; k <= s.depth; k++) {
      wt[k] = new float[s.width[k - 1] * s.width[k]];
      wm[k] = new float[s.width[k] * s.width[k - 1]];
      b[k] = new float[s.width[k]];
    }
    wOut = new float[s.width[s.depth]];
  }

  void load(MlpShape s, double[] theta) {
    for (int k = 1; k <= s.depth; k++) {
      int in = s.count[k - 1];
      for (int j = 0; j < s.count[k]; j++) {
        for (int i = 0; i < in; i++) {
          float v = (float) theta[s.flatW[k] + j * in + i];
          wt[k][i * s.width[k] + j] = v;
          wm[k][j * s.width[k - 1] + i] = v;
        }
        b[k][j] = (float) theta[s.flatB[k] + j];
      }
    }
    for (int j = 0; j < s.count[s.depth]; j++) wOut[j] = (float) theta[s.flatOut + j];
    c = s.outputBias ? (float) theta[s.flatC] : 0.0f;
  }
}

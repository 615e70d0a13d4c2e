package org.hamlab.engine.simd;

/**
 * Double-precision copies of θ in the two layouts the tile kernels read: {@code wt[k]} is W_kᵀ
 * ({@code width[k−1]} rows of {@code width[k]}, forward), {@code wm[k]} is W_k ({@code width[k]}
 * rows of {@code width[k−1]}, reverse), zero-padded, as are the biases and the output weight.
 */
final class MlpWeightsF64 {
  final double[][] wt;
  final double[][] wm;
  final double[][] b;
  final double[] wOut;
  double c;

  MlpWeightsF64(MlpShape s) {
    wt = new double[s.depth + 1][];
    wm = new double[s.depth + 1][];
    b = new double[s.depth + 1][];
    for (int k = 1; k <= s.depth; k++) {
      wt[k] = new double[s.width[k - 1] * s.width[k]];
      wm[k] = new double[s.width[k] * s.width[k - 1]];
      b[k] = new double[s.width[k]];
    }
    wOut = new double[s.width[s.depth]];
  }

  void load(MlpShape s, double[] theta) {
    for (int k = 1; k <= s.depth; k++) {
      int in = s.count[k - 1];
      for (int j = 0; j < s.count[k]; j++) {
        for (int i = 0; i < in; i++) {
          double v = theta[s.flatW[k] + j * in + i];
          wt[k][i * s.width[k] + j] = v;
          wm[k][j * s.width[k - 1] + i] = v;
        }
        b[k][j] = theta[s.flatB[k] + j];
      }
    }
    for (int j = 0; j < s.count[s.depth]; j++) wOut[j] = theta[s.flatOut + j];
    c = s.outputBias ? theta[s.flatC] : 0.0;
  }
}
